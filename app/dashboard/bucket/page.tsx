import type { Metadata } from "next";
import { BucketList } from "@/components/planner/bucket-list";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Bucket list" };

export default async function BucketPage() {
  const { locale, t } = await getDictionary();
  return <BucketList t={t} locale={locale} />;
}
