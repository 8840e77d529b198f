// A due date as people say it: "오늘", "내일", "12월 10일 (목)" / "Today", "Tomorrow", "Thu, Dec 10";
// the year only when it is not this one.
import { addDays, formatDate } from "@/lib/planner/dates";

export interface NearDays {
  yesterday: string;
  today: string;
  tomorrow: string;
}

export function dueLabel(date: string, today: string, locale: string, near: NearDays): string {
  if (date === today) return near.today;
  if (date === addDays(today, 1)) return near.tomorrow;
  if (date === addDays(today, -1)) return near.yesterday;
  const year = date.slice(0, 4) === today.slice(0, 4) ? undefined : "numeric";
  // Korean puts the weekday in brackets after the date, which Intl does only when there is no year.
  if (locale.startsWith("ko")) return `${formatDate(date, locale, { year, month: "long", day: "numeric" })} (${formatDate(date, locale, { weekday: "short" })})`;
  return formatDate(date, locale, { weekday: "short", month: "short", day: "numeric", year });
}
