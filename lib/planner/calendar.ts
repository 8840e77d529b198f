// Pure calendar rules for the pages: which days a view shows and which days an event covers.
import { addDays, instantToZoned, zonedTimeToInstant } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

export function dayOfWeek(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function startOfWeek(date: string, weekStartsOn: 0 | 1): string {
  return addDays(date, -((dayOfWeek(date) - weekStartsOn + 7) % 7));
}

export function weekDays(date: string, weekStartsOn: 0 | 1): string[] {
  const first = startOfWeek(date, weekStartsOn);
  return Array.from({ length: 7 }, (_, index) => addDays(first, index));
}

// Whole weeks from the one holding the 1st to the one holding the month's last day.
export function monthGrid(date: string, weekStartsOn: 0 | 1): string[] {
  const first = `${date.slice(0, 7)}-01`;
  const nextMonth = addMonths(first, 1);
  const days: string[] = [];
  for (let day = startOfWeek(first, weekStartsOn); day < nextMonth || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

export const CALENDAR_VIEWS = ["month", "week"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

// The calendar's place as the URL gives it (?view=week&date=2026-12-14), by the page on the server and
// in the browser alike: anything else there is ignored rather than refused, as a link may be old.
export function calendarPlace(view: string | null | undefined, date: string | null | undefined): { view: CalendarView; date: string | null } {
  const known = CALENDAR_VIEWS.find((name) => name === view) ?? "month";
  const real = typeof date === "string" && /^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && addDays(date, 0) === date;
  return { view: known, date: real ? date : null };
}

export function viewDays(view: CalendarView, date: string, weekStartsOn: 0 | 1): string[] {
  return view === "month" ? monthGrid(date, weekStartsOn) : weekDays(date, weekStartsOn);
}

// The instants a view's days span in the user's time zone: what its events are fetched for.
export function viewRange(days: string[], timeZone: string): { from: Date; to: Date } {
  const first = days[0] ?? "";
  const last = days.at(-1) ?? first;
  return { from: zonedTimeToInstant(`${first}T00:00`, timeZone), to: zonedTimeToInstant(`${addDays(last, 1)}T00:00`, timeZone) };
}

export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

// The dates an event covers where the user is. All-day events are dates already (UTC midnight to
// UTC midnight, end exclusive); a timed event ending exactly at midnight does not spill into that day.
export function eventDates(event: Pick<EventDto, "startsAt" | "endsAt" | "allDay">, timeZone: string): { first: string; last: string } {
  if (event.allDay) return { first: event.startsAt.slice(0, 10), last: addDays(event.endsAt.slice(0, 10), -1) };
  const start = instantToZoned(new Date(event.startsAt), timeZone);
  const end = instantToZoned(new Date(event.endsAt), timeZone);
  const last = end.time === "00:00" && end.date > start.date ? addDays(end.date, -1) : end.date;
  return { first: start.date, last };
}

export function coversDate(event: Pick<EventDto, "startsAt" | "endsAt" | "allDay">, date: string, timeZone: string): boolean {
  const { first, last } = eventDates(event, timeZone);
  return first <= date && date <= last;
}
