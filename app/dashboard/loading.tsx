import { getDictionary } from "@/lib/i18n/server";

// In the page's language only: Hangul in the fallback of an English page would fetch Pretendard
// files for a word shown for a moment.
export default async function DashboardLoading() {
  const { t } = await getDictionary();
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-600">
      <span aria-hidden="true" className="size-5 animate-spin rounded-full border-2 border-teal-700 border-t-transparent" />
      <span>{t.dashboard.loading}</span>
    </div>
  );
}
