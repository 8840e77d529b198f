// Rules about a Repeat that the dialog and the server share; no rule engine, so pages can load it.
import { WEEKDAYS, type Repeat, type Weekday } from "@/lib/planner/types";

export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "MO";
}

// Which of the month's weekdays `date` is: 1–4, or -1 for the fifth, which some months lack, so a
// rule started on the 29th–31st falls on the month's last such weekday.
export function weekdayOrdinal(date: string): 1 | 2 | 3 | 4 | -1 {
  const day = Number(date.slice(8, 10));
  return day >= 29 ? -1 : (Math.ceil(day / 7) as 1 | 2 | 3 | 4);
}

// The days a weekly rule falls on, in week order; none chosen means the start's own day.
export function weeklyDays(byWeekday: readonly Weekday[], startDate: string): Weekday[] {
  const days = byWeekday.length ? byWeekday : [weekdayOf(startDate)];
  return WEEKDAYS.filter((day) => days.includes(day));
}

// Whether two rules place occurrences alike, whatever their ends: exceptions of a series survive an
// edit that only moves its end or its time.
export function samePattern(a: Repeat, b: Repeat, startDate: string): boolean {
  if (a.freq !== b.freq || a.interval !== b.interval) return false;
  if (a.freq === "WEEKLY") return weeklyDays(a.byWeekday, startDate).join() === weeklyDays(b.byWeekday, startDate).join();
  if (a.freq === "MONTHLY") return a.monthlyBy === b.monthlyBy;
  if (a.freq === "YEARLY") return a.lunar === b.lunar;
  return true;
}

export function sameRepeat(a: Repeat, b: Repeat, startDate: string): boolean {
  return samePattern(a, b, startDate) && a.until === b.until && a.count === b.count;
}
