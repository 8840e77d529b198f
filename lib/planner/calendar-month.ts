import "server-only";
import type { Locale } from "@/lib/i18n/locale";
import { listBucketItems } from "@/lib/planner/bucket";
import { viewDays, viewRange, type CalendarView } from "@/lib/planner/calendar";
import { todayIn } from "@/lib/planner/dates";
import { listEvents } from "@/lib/planner/events";
import { holidaysBetween } from "@/lib/planner/holidays";
import { DEFAULT_TODO_VIEW } from "@/lib/planner/todo-order";
import { listTodos } from "@/lib/planner/todos";
import type { BucketItemDto, EventDto, HolidayDto, PlannerSettings, TodoDto } from "@/lib/planner/types";

export interface CalendarMonth {
  // The view these items were read for; the page fetches again when its own view differs.
  timeZone: string;
  first: string;
  last: string;
  events: EventDto[];
  todos: TodoDto[];
  bucket: BucketItemDto[];
  // The public holidays of those days, named in `locale`.
  holidays: HolidayDto[];
  locale: Locale;
}

// What the calendar's first view shows (the month or week the URL names, else this month), read with
// the page, so it arrives drawn instead of drawing itself three more times as its requests come back;
// in the zone the page is drawn in (lib/i18n/server.ts). A browser elsewhere fetches its own view.
export async function loadCalendarMonth(
  userId: string,
  { weekStartsOn, holidayCountry }: Pick<PlannerSettings, "weekStartsOn" | "holidayCountry">,
  timeZone: string,
  locale: Locale,
  place: { view: CalendarView; date: string | null },
): Promise<CalendarMonth> {
  const days = viewDays(place.view, place.date ?? todayIn(timeZone), weekStartsOn);
  const first = days[0] ?? "";
  const last = days.at(-1) ?? "";
  const { from, to } = viewRange(days, timeZone);
  const [events, todos, bucket] = await Promise.all([listEvents(userId, from, to), listTodos(userId, DEFAULT_TODO_VIEW), listBucketItems(userId)]);
  return { timeZone, first, last, events, todos, bucket: bucket.items, holidays: holidaysBetween(holidayCountry, first, last, locale), locale };
}
