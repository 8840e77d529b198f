import { ListSkeleton } from "@/components/layout/page-skeletons";
import { getDictionary } from "@/lib/i18n/server";

export default async function SearchLoading() {
  const { t } = await getDictionary();
  return <ListSkeleton label={t.dashboard.loading} />;
}
