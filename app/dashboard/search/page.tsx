import type { Metadata } from "next";
import { SearchResults } from "@/components/search/search-results";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { format, sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTimeZone } from "@/lib/i18n/server";
import type { SearchParams } from "@/lib/http/search-params";
import { searchPlanner, SEARCH_LIMIT } from "@/lib/planner/search";
import { getSettings } from "@/lib/planner/settings";
import { fieldProblems } from "@/lib/validations/field-errors";
import { searchQuerySchema } from "@/lib/validations/search";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.search.title };
}

// The header's search form lands here; the results are read with the page, so it works without scripts.
export default async function SearchPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { q } = await searchParams;
  const raw = typeof q === "string" ? q : "";
  const user = await requireCurrentUser(raw ? `/dashboard/search?q=${encodeURIComponent(raw)}` : "/dashboard/search");
  const [{ locale, t }, settings] = await Promise.all([getDictionary(), getSettings(user.id)]);
  const parsed = searchQuerySchema.safeParse({ q: raw });
  if (!parsed.success) {
    const problem = raw.trim() ? t.validation[fieldProblems(parsed.error, t.validation).q ?? "invalidValue"] : t.search.noQuery;
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t.search.title}</h1>
        <p className="text-slate-700">{problem}</p>
        <p className="text-sm text-slate-700">{t.search.hint}</p>
      </div>
    );
  }
  const query = parsed.data.q;
  const [results, timeZone] = await Promise.all([searchPlanner(user.id, query), getTimeZone(settings.timeZone)]);
  const found = results.events.length + results.todos.length + results.bucket.length > 0;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold break-words">{format(t.search.resultsFor, { query })}</h1>
      {found ? (
        <>
          <p className="text-sm text-slate-700">{format(t.search.limited, { count: SEARCH_LIMIT })}</p>
          <SearchResults results={results} query={query} t={sections(t, "planner", "search")} locale={locale} timeZone={timeZone} />
        </>
      ) : (
        <div className="space-y-2 rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center">
          <p className="text-slate-700">{format(t.search.empty, { query })}</p>
          <p className="text-sm text-slate-700">{t.search.hint}</p>
        </div>
      )}
    </div>
  );
}
