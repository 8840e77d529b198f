import { CardsSkeleton } from "@/components/layout/page-skeletons";
import { getDictionary } from "@/lib/i18n/server";

export default async function BucketLoading() {
  const { t } = await getDictionary();
  return <CardsSkeleton label={t.dashboard.loading} />;
}
