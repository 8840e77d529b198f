"use client";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { useDraft } from "@/components/ui/use-draft";
import { format, type Sections } from "@/lib/i18n/dictionaries";

export interface Page<Row> {
  rows: Row[];
  page: number;
  pages: number;
}

// A searchable, paged list from an admin API; `filters` renders the inputs, `row` one entry.
export function PagedTable<Row extends { id: string }, Filters extends Record<string, string>>({
  t,
  label,
  load,
  initialFilters,
  filters,
  header,
  row,
}: {
  t: Sections<"admin" | "planner">;
  label: string;
  load: (query: string) => Promise<Page<Row> | null>;
  initialFilters: Filters;
  filters: (value: Filters, edit: (change: Partial<Filters>) => void) => ReactNode;
  header: ReactNode;
  row: (entry: Row) => ReactNode;
}) {
  const { draft, edit } = useDraft(initialFilters);
  const [applied, setApplied] = useState(initialFilters);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Row> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page) });
    for (const [name, value] of Object.entries(applied)) if (value) params.set(name, value);
    // An answer that arrives after the filters or the page changed again is dropped.
    let current = true;
    void load(params.toString())
      .catch(() => null)
      .then((result) => {
        if (!current) return;
        setFailed(result === null);
        if (result) setData(result);
      });
    return () => {
      current = false;
    };
  }, [applied, page, load]);

  return (
    <section aria-label={label} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{label}</h2>
      <Form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          setPage(1);
          // A copy, so pressing it again with the same filters loads the list afresh.
          setApplied({ ...draft });
        }}
      >
        {filters(draft, edit)}
        <Button type="submit" variant="secondary">
          {t.admin.filter}
        </Button>
      </Form>
      {failed ? <Alert>{t.planner.loadFailed}</Alert> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-700">{header}</thead>
          <tbody className="divide-y divide-slate-100">{(data?.rows ?? []).map(row)}</tbody>
        </table>
      </div>
      {data && data.rows.length === 0 ? <p className="text-sm text-slate-600">{t.admin.noData}</p> : null}
      <div className="flex items-center gap-3 text-sm">
        <Button type="button" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t.admin.previous}
        </Button>
        <span>{format(t.admin.page, { page, pages: data?.pages ?? 1 })}</span>
        <Button type="button" variant="secondary" disabled={!data || page >= data.pages} onClick={() => setPage(page + 1)}>
          {t.admin.next}
        </Button>
      </div>
    </section>
  );
}
