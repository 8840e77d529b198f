import type { Metadata } from "next";
import { UpcomingSection } from "@/components/dashboard/upcoming-section";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Todo" };

export default async function TodoPage() {
  const { t } = await getDictionary();
  return <UpcomingSection title={t.dashboard.todo} intro={t.dashboard.todoIntro} empty={t.dashboard.comingSoon} />;
}
