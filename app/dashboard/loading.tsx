import { CalendarSkeleton } from "@/components/layout/page-skeletons";
import { getDictionary } from "@/lib/i18n/server";

// The calendar's shape; its label, for screen readers, in the page's language only: Hangul in the
// fallback of an English page would fetch Pretendard files for a word announced for a moment.
export default async function DashboardLoading() {
  const { t } = await getDictionary();
  return <CalendarSkeleton label={t.dashboard.loading} />;
}
