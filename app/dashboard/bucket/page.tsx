import type { Metadata } from "next";
import { UpcomingSection } from "@/components/dashboard/upcoming-section";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Bucket" };

export default async function BucketPage() {
  const { t } = await getDictionary();
  return <UpcomingSection title={t.dashboard.bucket} intro={t.dashboard.bucketIntro} empty={t.dashboard.comingSoon} />;
}
