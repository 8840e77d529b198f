import type { Metadata } from "next";
import { CalendarView } from "@/components/planner/calendar-view";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { getDictionary } from "@/lib/i18n/server";
import { loadCalendarMonth } from "@/lib/planner/calendar-month";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const user = await requireCurrentUser("/dashboard");
  const [{ locale, t }, settings] = await Promise.all([getDictionary(), getSettings(user.id)]);
  return <CalendarView t={t} locale={locale} settings={settings} initial={await loadCalendarMonth(user.id, settings)} />;
}
