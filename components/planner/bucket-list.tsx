"use client";
import { useState, type FormEvent } from "react";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { oneOf } from "@/components/planner/one-of";
import { Form } from "@/components/ui/form";
import { useDraft } from "@/components/ui/use-draft";
import { useUndoableDelete } from "@/components/planner/use-undoable-delete";
import { api } from "@/lib/client/api";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/planner/dates";
import { BUCKET_CATEGORIES, type BucketCategory, type BucketItemDto } from "@/lib/planner/types";
import { summarizeBucket } from "@/lib/planner/summary";

// Fetched on the form's first focus, as the auth forms do: zod stays out of the page's first script.
// Without it (a chunk that failed to load) the server's check alone answers.
const bucketCreateSchema = lazySchema(async () => (await import("@/lib/validations/planner")).bucketCreateSchema);

interface Draft {
  title: string;
  description: string;
  category: BucketCategory;
  targetOn: string;
}
const EMPTY: Draft = { title: "", description: "", category: "TRAVEL", targetOn: "" };

const toBody = (draft: Draft) => ({ ...draft, targetOn: draft.targetOn || null });

// A new item's form, or an item's own when `onCancel` is given; `onSaved` gets the item as saved.
function ItemForm({
  t,
  label,
  initial,
  submitLabel,
  path,
  method,
  onSaved,
  onCancel,
}: {
  t: Sections<"apiErrors" | "common" | "dashboard" | "planner" | "validation">;
  label: string;
  initial: Draft;
  submitLabel: string;
  path: string;
  method: "POST" | "PATCH";
  onSaved: (item: BucketItemDto) => void;
  onCancel?: () => void;
}) {
  const { draft, edit, setDraft } = useDraft(initial);
  const { busy, fields, message, submit } = useSubmit(t);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit<{ item: BucketItemDto }>(path, { schema: bucketCreateSchema, json: toBody(draft), method, messages: { LIMIT_REACHED: t.planner.listFull } });
    if (!result?.ok) return;
    onSaved(result.data.item);
    if (!onCancel) setDraft({ ...EMPTY, category: draft.category });
  }
  const prefix = onCancel ? "edit-" : "new-";
  return (
    <Form onFocus={bucketCreateSchema.warm} onSubmit={onSubmit} noValidate aria-label={label} className="grid gap-3 sm:grid-cols-2">
      {message ? (
        <div className="sm:col-span-2">
          <Alert>{message}</Alert>
        </div>
      ) : null}
      <Field label={t.planner.title} name={`${prefix}title`} value={draft.title} onChange={(event) => edit({ title: event.target.value })} error={fields.title} maxLength={200} />
      <SelectField
        label={t.planner.category}
        name={`${prefix}category`}
        value={draft.category}
        onChange={(event) => edit({ category: oneOf(BUCKET_CATEGORIES, event.target.value, "OTHER") })}
        error={fields.category}
      >
        {BUCKET_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t.planner.categories[category]}
          </option>
        ))}
      </SelectField>
      <Field label={t.planner.targetOn} name={`${prefix}target`} type="date" value={draft.targetOn} onChange={(event) => edit({ targetOn: event.target.value })} error={fields.targetOn} />
      <Field
        label={t.planner.description}
        name={`${prefix}description`}
        value={draft.description}
        onChange={(event) => edit({ description: event.target.value })}
        error={fields.description}
        maxLength={2000}
      />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t.planner.cancel}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

// `initial` is the list as the server read it with the page (app/dashboard/bucket/page.tsx).
export function BucketList({ t, locale, initial }: { t: Sections<"apiErrors" | "common" | "dashboard" | "planner" | "validation">; locale: Locale; initial: BucketItemDto[] }) {
  const [items, setItems] = useState(initial);
  // For marking an item achieved or not; each form has its own.
  const { message, submit } = useSubmit(t);
  const [editing, setEditing] = useState<string | null>(null);
  const [achieving, setAchieving] = useState<{ id: string; note: string } | null>(null);
  // The item whose achieved mark is being saved, for its button's busy state.
  const [saving, setSaving] = useState<string | null>(null);
  const deletion = useUndoableDelete<BucketItemDto>({
    key: (item) => item.id,
    rowId: (item) => item.id,
    message: (item) => format(t.planner.deletedNamed, { title: item.title }),
    undoLabel: t.planner.undo,
    failed: (item) => format(t.planner.deleteFailed, { title: item.title }),
    async commit(item) {
      // keepalive: the deletion may be committed as the page unloads.
      const result = await api(`/api/bucket-items/${item.id}`, { method: "DELETE", keepalive: true });
      if (!result.ok && result.status !== 404) return false;
      setItems((current) => current.filter((existing) => existing.id !== item.id));
      return true;
    },
  });
  const shown = items.filter((item) => !deletion.pending.some((waiting) => waiting.id === item.id));

  const summary = summarizeBucket(shown);
  const percent = summary.total ? Math.round((summary.achieved / summary.total) * 100) : 0;
  const dateLabel = (date: string) => formatDate(date, locale, { dateStyle: "medium" });

  function replace(item: BucketItemDto) {
    setItems((current) => current.map((existing) => (existing.id === item.id ? item : existing)));
  }

  async function setAchieved(item: BucketItemDto, achieved: boolean, note?: string) {
    setSaving(item.id);
    const result = await submit<{ item: BucketItemDto }>(`/api/bucket-items/${item.id}`, { json: achieved ? { achieved, achievedNote: note ?? null } : { achieved }, method: "PATCH" });
    setSaving(null);
    if (result?.ok) replace(result.data.item);
    setAchieving(null);
  }

  return (
    <section className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">{t.dashboard.bucket}</h1>

      <section aria-labelledby="progress-title" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="progress-title" className="mb-2 font-semibold">
          {t.planner.progressTitle}
        </h2>
        <p className="mb-2 text-lg font-bold text-teal-800" data-testid="bucket-progress">
          {format(t.planner.progress, { achieved: summary.achieved, total: summary.total })}
        </p>
        <div role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t.planner.progressTitle} className="h-3 overflow-hidden rounded-full bg-slate-200">
          <div className="h-full rounded-full bg-teal-600 transition-[width]" style={{ width: `${percent}%` }} />
        </div>
        {summary.total ? (
          <figure className="mt-4">
            <figcaption className="mb-2 text-sm font-semibold text-slate-700">{t.planner.byCategory}</figcaption>
            <ul className="flex flex-col gap-1.5">
              {BUCKET_CATEGORIES.filter((category) => summary.byCategory[category]).map((category) => {
                const entry = summary.byCategory[category] ?? { total: 0, achieved: 0 };
                return (
                  <li key={category} className="grid grid-cols-[6rem_1fr_3rem] items-center gap-2 text-sm">
                    <span className="truncate text-slate-800">{t.planner.categories[category]}</span>
                    <span className="h-2.5 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                      <span className="block h-full rounded-full bg-amber-500" style={{ width: `${(entry.achieved / entry.total) * 100}%` }} />
                    </span>
                    <span className="text-right text-slate-700 tabular-nums">
                      {entry.achieved}/{entry.total}
                    </span>
                  </li>
                );
              })}
            </ul>
          </figure>
        ) : null}
      </section>

      <section aria-labelledby="new-bucket-title" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="new-bucket-title" className="mb-3 font-semibold">
          {t.planner.newBucket}
        </h2>
        <ItemForm t={t} label={t.planner.newBucket} initial={EMPTY} submitLabel={t.planner.add} path="/api/bucket-items" method="POST" onSaved={(item) => setItems((current) => [...current, item])} />
      </section>

      {message ? <Alert>{message}</Alert> : null}
      {shown.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{t.planner.emptyBucket}</p>
      ) : (
        <ul aria-label={t.dashboard.bucket} className="grid gap-3 sm:grid-cols-2">
          {shown.map((item) => (
            <li key={item.id} className={`flex flex-col gap-2 rounded-xl border p-4 ${item.achieved ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
              {editing === item.id ? (
                <ItemForm
                  t={t}
                  label={`${t.planner.edit}: ${item.title}`}
                  initial={{ title: item.title, description: item.description ?? "", category: item.category, targetOn: item.targetOn ?? "" }}
                  submitLabel={t.planner.save}
                  onCancel={() => setEditing(null)}
                  path={`/api/bucket-items/${item.id}`}
                  method="PATCH"
                  onSaved={(saved) => {
                    replace(saved);
                    setEditing(null);
                  }}
                />
              ) : (
                <>
                  <div className="flex items-start justify-between gap-2">
                    <h3 className={`font-semibold ${item.achieved ? "text-amber-900" : "text-slate-900"}`}>
                      {item.achieved ? "★ " : ""}
                      {item.title}
                    </h3>
                    <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{t.planner.categories[item.category]}</span>
                  </div>
                  {item.description ? <p className="text-sm text-slate-700">{item.description}</p> : null}
                  {item.targetOn ? (
                    <p className="text-sm text-slate-600">
                      {t.planner.targetOn}: {dateLabel(item.targetOn)}
                    </p>
                  ) : null}
                  {item.achievedOn ? <p className="text-sm font-semibold text-amber-900">{format(t.planner.achievedOn, { date: dateLabel(item.achievedOn) })}</p> : null}
                  {item.achievedNote ? <p className="text-sm text-amber-900 italic">“{item.achievedNote}”</p> : null}
                  {achieving?.id === item.id ? (
                    <Form
                      className="flex flex-col gap-2"
                      onSubmit={(event) => {
                        event.preventDefault();
                        void setAchieved(item, true, achieving.note.trim() || undefined);
                      }}
                    >
                      <Field
                        label={t.planner.achievedNote}
                        name={`note-${item.id}`}
                        value={achieving.note}
                        maxLength={1000}
                        onChange={(event) => setAchieving({ id: item.id, note: event.target.value })}
                      />
                      <div className="flex gap-2">
                        <Button type="submit" busy={saving === item.id} busyLabel={t.common.submitting}>
                          {t.planner.markAchieved}
                        </Button>
                        <Button type="button" variant="secondary" onClick={() => setAchieving(null)}>
                          {t.planner.cancel}
                        </Button>
                      </div>
                    </Form>
                  ) : (
                    <div className="mt-auto flex flex-wrap gap-2">
                      {item.achieved ? (
                        <Button variant="secondary" onClick={() => void setAchieved(item, false)} busy={saving === item.id} busyLabel={t.common.submitting}>
                          {t.planner.markNotAchieved}
                        </Button>
                      ) : (
                        <Button onClick={() => setAchieving({ id: item.id, note: "" })}>{t.planner.markAchieved}</Button>
                      )}
                      <Button variant="secondary" onClick={() => setEditing(item.id)} aria-label={`${t.planner.edit}: ${item.title}`}>
                        {t.planner.edit}
                      </Button>
                      <Button variant="secondary" onClick={() => deletion.remove(item)} aria-label={`${t.planner.delete}: ${item.title}`} className="text-red-700">
                        {t.planner.delete}
                      </Button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
