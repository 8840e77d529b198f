import type { Sections } from "@/lib/i18n/dictionaries";
import { MAX_SEARCH_QUERY_LENGTH } from "@/lib/planner/search-pattern";

// The "/" shortcut focuses it (components/layout/shortcuts-help.tsx).
export const HEADER_SEARCH_ID = "header-search";

// A plain GET form: it searches before the page's scripts have run, and adds none of its own.
export function HeaderSearch({ t }: { t: Sections<"search"> }) {
  return (
    <form role="search" aria-label={t.search.label} action="/dashboard/search" method="get" className="flex w-full items-center gap-1 sm:w-auto">
      <label htmlFor={HEADER_SEARCH_ID} className="sr-only">
        {t.search.label}
      </label>
      <input
        id={HEADER_SEARCH_ID}
        type="search"
        name="q"
        required
        maxLength={MAX_SEARCH_QUERY_LENGTH}
        placeholder={t.search.placeholder}
        enterKeyHint="search"
        autoComplete="off"
        className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-600 sm:w-56"
      />
      <button type="submit" className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold whitespace-nowrap text-slate-700 hover:bg-slate-100">
        {t.search.submit}
      </button>
    </form>
  );
}
