import type { Metadata } from "next";
import { CalendarView } from "@/components/planner/calendar-view";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTimeZone } from "@/lib/i18n/server";
import { loadCalendarMonth } from "@/lib/planner/calendar-month";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage() {
  const user = await requireCurrentUser("/dashboard");
  const [{ locale, t }, settings] = await Promise.all([getDictionary(), getSettings(user.id)]);
  const pageZone = await getTimeZone(settings.timeZone);
  return (
    <CalendarView
      t={sections(t, "apiErrors", "common", "dashboard", "planner", "validation")}
      locale={locale}
      settings={settings}
      pageZone={pageZone}
      initial={await loadCalendarMonth(user.id, settings, pageZone, locale)}
    />
  );
}
