import { cookies } from "next/headers";
import { CalendarView } from "@/components/planner/calendar-view";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTimeZone, titledMetadata } from "@/lib/i18n/server";
import { calendarPlace } from "@/lib/planner/calendar";
import { loadCalendarMonth } from "@/lib/planner/calendar-month";
import { DELETING_ITEMS_COOKIE, parseDeletingItems } from "@/lib/planner/deleting-items";
import { getSettings } from "@/lib/planner/settings";

export const generateMetadata = titledMetadata("calendar");

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function CalendarPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireCurrentUser("/dashboard");
  const [{ locale, t }, settings, query] = await Promise.all([getDictionary(), getSettings(user.id), searchParams]);
  const pageZone = await getTimeZone(settings.timeZone);
  const place = calendarPlace(single(query.view), single(query.date));
  const month = await loadCalendarMonth(user.id, settings, pageZone, locale, place);
  const deleting = parseDeletingItems((await cookies()).get(DELETING_ITEMS_COOKIE)?.value);
  const shown = (item: { id: string }) => !deleting.has(item.id);
  return (
    <CalendarView
      t={sections(t, "apiErrors", "common", "dashboard", "planner", "validation")}
      locale={locale}
      settings={settings}
      pageZone={pageZone}
      initial={{ ...month, events: month.events.filter(shown), todos: month.todos.filter(shown), bucket: month.bucket.filter(shown) }}
    />
  );
}
