// Repeating events: the RRULE a Repeat is stored as, and the occurrences a stored series has in a
// range. Rules are expanded on the series' wall clock ("floating" times, kept as UTC milliseconds)
// and each occurrence is turned into an instant in the series' zone afterwards, so 09:00 stays 09:00
// across DST; rrule's own TZID handling is not used. All-day series are UTC dates already.
//
// Stored forms, ready for an ICS file:
//   FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270131T145959Z   (UNTIL: the end of the last day in the zone)
//   FREQ=MONTHLY;BYDAY=2TU;COUNT=10                              (monthly by weekday; by date has no BY part)
//   FREQ=DAILY;UNTIL=20270131                                    (all-day: UNTIL is a DATE, as RFC 5545 asks)
//   RSCALE=DANGI;FREQ=YEARLY;BYMONTH=6L;BYMONTHDAY=30;SKIP=BACKWARD   (RFC 7529; DANGI is CLDR's Korean calendar)
import * as rruleModule from "rrule";
import { addDays, instantToZoned, toDateString, zonedTimeToInstant } from "@/lib/planner/dates";
import { fromLunar, toLunar } from "@/lib/planner/lunar";
import { weekdayOrdinal, weekdayOf, weeklyDays } from "@/lib/planner/repeat";
import { WEEKDAYS, type Repeat, type Weekday } from "@/lib/planner/types";

// rrule ships an ES module build without "type": "module": bundlers read it, Node reads the UMD one,
// whose exports sit on its default.
const { RRule } = "RRule" in rruleModule ? rruleModule : (rruleModule as unknown as { default: typeof rruleModule }).default;

const DAY = 86_400_000;
const MINUTE = 60_000;
// No range a view asks for (≤ 100 days) holds more of one series.
export const MAX_OCCURRENCES = 1000;

// What expansion needs of a stored series (an Event row with a recurrence).
export interface Series {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  // The zone of the series' wall clock; all-day series ignore it.
  timeZone: string;
  recurrence: string;
  // Original starts of cancelled occurrences (RFC 5545 EXDATE).
  exdates: readonly Date[];
}

export interface Occurrence {
  // As the rule places it: the occurrence's RECURRENCE-ID.
  start: Date;
  end: Date;
}

function subMinute(milliseconds: number): number {
  return ((milliseconds % MINUTE) + MINUTE) % MINUTE;
}

// The series' wall-clock reading of an instant, as floating milliseconds.
export function toFloating(instant: Date, allDay: boolean, timeZone: string): number {
  if (allDay) return instant.getTime();
  const { date, time } = instantToZoned(instant, timeZone);
  return Date.parse(`${date}T${time}:00Z`) + subMinute(instant.getTime());
}

export function fromFloating(floating: number, allDay: boolean, timeZone: string): Date {
  if (allDay) return new Date(floating);
  const local = new Date(floating - subMinute(floating)).toISOString().slice(0, 16);
  return new Date(zonedTimeToInstant(local, timeZone).getTime() + subMinute(floating));
}

// The date a series starts on, where its wall clock is.
export function seriesDate(instant: Date, allDay: boolean, timeZone: string): string {
  return allDay ? toDateString(instant) : instantToZoned(instant, timeZone).date;
}

function ruleParts(rule: string): Map<string, string> {
  return new Map(
    rule.split(";").map((part) => {
      const [key = "", value = ""] = part.split("=");
      return [key.toUpperCase(), value];
    }),
  );
}

function compactUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

// The RRULE for `repeat` starting at `startsAt`; null when the start has no lunar date to repeat on
// (outside KASI's tables).
export function buildRule(repeat: Repeat, start: { startsAt: Date; allDay: boolean; timeZone: string }): string | null {
  const startDate = seriesDate(start.startsAt, start.allDay, start.timeZone);
  const parts: string[] = [];
  if (repeat.freq === "YEARLY" && repeat.lunar) {
    const lunar = toLunar(startDate);
    if (!lunar) return null;
    parts.push("RSCALE=DANGI", "FREQ=YEARLY", `BYMONTH=${lunar.month}${lunar.leap ? "L" : ""}`, `BYMONTHDAY=${lunar.day}`, "SKIP=BACKWARD");
  } else {
    parts.push(`FREQ=${repeat.freq}`);
  }
  if (repeat.interval > 1) parts.push(`INTERVAL=${repeat.interval}`);
  if (repeat.freq === "WEEKLY") parts.push(`BYDAY=${weeklyDays(repeat.byWeekday, startDate).join(",")}`);
  if (repeat.freq === "MONTHLY" && repeat.monthlyBy === "weekday") parts.push(`BYDAY=${weekdayOrdinal(startDate)}${weekdayOf(startDate)}`);
  if (repeat.count !== null) parts.push(`COUNT=${repeat.count}`);
  else if (repeat.until !== null) {
    const until = start.allDay ? repeat.until.replaceAll("-", "") : compactUtc(new Date(zonedTimeToInstant(`${addDays(repeat.until, 1)}T00:00`, start.timeZone).getTime() - 1000));
    parts.push(`UNTIL=${until}`);
  }
  return parts.join(";");
}

function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

function untilInstant(value: string): Date {
  return new Date(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`);
}

// UNTIL as the last floating start it allows: a DATE allows its whole day.
function untilFloating(value: string, allDay: boolean, timeZone: string): number {
  if (value.length === 8) return Date.parse(`${untilDate(value, true, timeZone)}T00:00:00Z`) + (allDay ? 0 : DAY - 1);
  return toFloating(untilInstant(value), allDay, timeZone);
}

// UNTIL as the last date it allows, in the series' zone.
function untilDate(value: string, allDay: boolean, timeZone: string): string {
  if (value.length === 8) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return seriesDate(untilInstant(value), allDay, timeZone);
}

// The Repeat a stored rule (one buildRule wrote) means.
export function parseRule(rule: string, series: { allDay: boolean; timeZone: string }): Repeat {
  const parts = ruleParts(rule);
  const freq = parts.get("FREQ");
  const byDay = parts.get("BYDAY") ?? "";
  return {
    freq: freq === "DAILY" || freq === "WEEKLY" || freq === "MONTHLY" ? freq : "YEARLY",
    interval: Number(parts.get("INTERVAL") ?? 1),
    byWeekday: freq === "WEEKLY" ? byDay.split(",").filter(isWeekday) : [],
    monthlyBy: freq === "MONTHLY" && byDay ? "weekday" : "date",
    lunar: parts.has("RSCALE"),
    until: parts.has("UNTIL") ? untilDate(parts.get("UNTIL") ?? "", series.allDay, series.timeZone) : null,
    count: parts.has("COUNT") ? Number(parts.get("COUNT")) : null,
  };
}

interface Window {
  from: number;
  to: number;
  cap: number;
}

// A start for the rule's iteration a whole number of periods after the real one and before the
// window, so a series begun years ago is not walked from its first day on every read. Only for rules
// without COUNT, which has to be counted from the first occurrence.
function alignedStart(freq: string, interval: number, start: number, windowFrom: number): number {
  if (windowFrom <= start) return start;
  const first = new Date(start);
  const target = new Date(windowFrom);
  const time = [first.getUTCHours(), first.getUTCMinutes(), first.getUTCSeconds(), first.getUTCMilliseconds()] as const;
  if (freq === "DAILY" || freq === "WEEKLY") {
    const period = interval * (freq === "DAILY" ? 1 : 7) * DAY;
    const periods = Math.floor((windowFrom - start) / period) - 1;
    return periods > 0 ? start + periods * period : start;
  }
  if (freq === "MONTHLY") {
    const months = target.getUTCFullYear() * 12 + target.getUTCMonth() - (first.getUTCFullYear() * 12 + first.getUTCMonth());
    const periods = Math.floor(months / interval) - 1;
    return periods > 0 ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + periods * interval, 1, ...time) : start;
  }
  const periods = Math.floor((target.getUTCFullYear() - first.getUTCFullYear()) / interval) - 1;
  return periods > 0 ? Date.UTC(first.getUTCFullYear() + periods * interval, 0, 1, ...time) : start;
}

function gregorianStarts(parts: Map<string, string>, start: number, until: number | null, window: Window): number[] {
  const freqName = parts.get("FREQ") ?? "";
  const freq = freqName === "DAILY" ? RRule.DAILY : freqName === "WEEKLY" ? RRule.WEEKLY : freqName === "MONTHLY" ? RRule.MONTHLY : RRule.YEARLY;
  const interval = Number(parts.get("INTERVAL") ?? 1);
  const count = parts.has("COUNT") ? Number(parts.get("COUNT")) : null;
  const first = new Date(start);
  const byDay = (parts.get("BYDAY") ?? "").split(",").filter(Boolean);
  const weekday = (code: string) => [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA][WEEKDAYS.indexOf(code.slice(-2) as Weekday)] ?? RRule.MO;
  // Every BY part spelled out, so that iterating from an aligned start keeps the first start's day.
  const pattern = {
    freq,
    interval,
    wkst: RRule.MO,
    ...(freq === RRule.WEEKLY ? { byweekday: byDay.map(weekday) } : {}),
    ...(freq === RRule.MONTHLY ? (byDay.length ? { byweekday: byDay.map((code) => weekday(code).nth(Number(code.slice(0, -2)))) } : { bymonthday: [first.getUTCDate()] }) : {}),
    ...(freq === RRule.YEARLY ? { bymonth: [first.getUTCMonth() + 1], bymonthday: [first.getUTCDate()] } : {}),
  };
  // RFC 5545: the first start is always an occurrence, and counts, even where the rule would skip it.
  const startMatches = new RRule({ ...pattern, dtstart: first }).after(first, true)?.getTime() === start;
  const extra = startMatches ? [] : [start];
  const remaining = count === null ? null : count - extra.length;
  if (remaining === 0) return extra.filter((value) => value >= window.from && value <= window.to);
  const dtstart = count === null ? alignedStart(freqName, interval, start, window.from) : start;
  const rule = new RRule({ ...pattern, dtstart: new Date(dtstart), count: remaining, until: until === null ? null : new Date(until) });
  const found = rule.between(new Date(Math.max(window.from, dtstart)), new Date(window.to), true, (_, length) => length < window.cap).map((date) => date.getTime());
  return [...extra.filter((value) => value >= window.from && value <= window.to), ...found];
}

function lunarStarts(parts: Map<string, string>, start: number, until: number | null, window: Window): number[] {
  const monthPart = parts.get("BYMONTH") ?? "";
  const month = Number.parseInt(monthPart, 10);
  const leap = monthPart.endsWith("L");
  const day = Number(parts.get("BYMONTHDAY"));
  const interval = Number(parts.get("INTERVAL") ?? 1);
  const count = parts.has("COUNT") ? Number(parts.get("COUNT")) : null;
  const startDate = toDateString(new Date(start));
  const startLunar = toLunar(startDate);
  if (!startLunar) return [];
  const timeOfDay = start - Date.parse(`${startDate}T00:00:00Z`);
  // Without COUNT, lunar years long before the window need not be visited; a lunar year begins at
  // most a few months after its Gregorian one.
  const skipTo = new Date(window.from).getUTCFullYear() - 2;
  const skipped = count === null && skipTo > startLunar.year ? Math.floor((skipTo - startLunar.year) / interval) * interval : 0;
  const found: number[] = [];
  for (let year = startLunar.year + skipped, index = skipped / interval; count === null || index < count; year += interval, index += 1) {
    const date = year === startLunar.year ? startDate : fromLunar(year, month, day, leap);
    if (!date) break;
    const floating = Date.parse(`${date}T00:00:00Z`) + timeOfDay;
    if ((until !== null && floating > until) || floating > window.to) break;
    if (floating >= window.from) found.push(floating);
    if (found.length >= window.cap) break;
  }
  return found;
}

// The series' rule read in its floating time: the first start, the duration, and the starts in a window.
function floatingRule(series: Series) {
  const parts = ruleParts(series.recurrence);
  const start = toFloating(series.startsAt, series.allDay, series.timeZone);
  const untilValue = parts.get("UNTIL");
  const until = untilValue === undefined ? null : untilFloating(untilValue, series.allDay, series.timeZone);
  return {
    counted: parts.has("COUNT"),
    start,
    duration: toFloating(series.endsAt, series.allDay, series.timeZone) - start,
    starts: (window: Window) => (parts.has("RSCALE") ? lunarStarts(parts, start, until, window) : gregorianStarts(parts, start, until, window)),
  };
}

// Zone offsets and DST move an instant by less than two days from its floating reading.
const ZONE_SLACK = 2 * DAY;
// The last instant a Date can hold.
const LAST_INSTANT = 8.64e15;

// The occurrences of `series` overlapping [from, to), earliest first, without its cancelled ones and
// those in `skip` (the original starts of occurrences changed on their own, listed as their own rows).
export function expandSeries(series: Series, from: Date, to: Date, options: { skip?: readonly Date[]; limit?: number } = {}): Occurrence[] {
  const limit = options.limit ?? MAX_OCCURRENCES;
  const { allDay, timeZone } = series;
  const { duration, starts: startsIn } = floatingRule(series);
  const starts = startsIn({ from: from.getTime() - Math.max(duration, 0) - ZONE_SLACK, to: to.getTime() + ZONE_SLACK, cap: limit + 200 });
  const excluded = new Set([...series.exdates, ...(options.skip ?? [])].map((date) => date.getTime()));
  const occurrences: Occurrence[] = [];
  for (const floating of starts) {
    const occurrence = { start: fromFloating(floating, allDay, timeZone), end: fromFloating(floating + duration, allDay, timeZone) };
    if (occurrence.start >= to || occurrence.end <= from || excluded.has(occurrence.start.getTime())) continue;
    occurrences.push(occurrence);
    if (occurrences.length >= limit) break;
  }
  return occurrences;
}

// The occurrence of `series` that the rule places at `start` exactly, cancelled ones aside.
export function occurrenceAt(series: Series, start: Date): Occurrence | null {
  const near = expandSeries(series, new Date(start.getTime() - 1), new Date(start.getTime() + 1));
  return near.find((occurrence) => occurrence.start.getTime() === start.getTime()) ?? null;
}

// occurrenceAt for many starts of one series in a row (an import's changed occurrences). A series
// with COUNT is walked from its first start to reach any start, so from the second start asked
// about its floating starts are listed once (COUNT never exceeds MAX_OCCURRENCES) and only those
// near a start are read in its zone; the first costs the one walk occurrenceAt makes, and any other
// rule begins its walk near the start asked about. Cancelled starts are read at each call: the
// caller may add some between calls.
export function occurrenceTest(series: Series): (start: Date) => boolean {
  const rule = floatingRule(series);
  const { allDay, timeZone } = series;
  let starts: number[] | null = null;
  let asked = 0;
  return (start) => {
    if (!rule.counted || asked++ === 0) return occurrenceAt(series, start) !== null;
    starts ??= rule.starts({ from: rule.start, to: LAST_INSTANT, cap: MAX_OCCURRENCES + 200 });
    const at = start.getTime();
    if (series.exdates.some((date) => date.getTime() === at)) return false;
    // Kept as expandSeries keeps it for occurrenceAt: starting at `at` and ending after the instant before.
    return starts.some(
      (floating) => Math.abs(floating - at) <= ZONE_SLACK && fromFloating(floating, allDay, timeZone).getTime() === at && fromFloating(floating + rule.duration, allDay, timeZone).getTime() > at - 1,
    );
  };
}

// How many times the rule placed the series before `start`, cancelled ones included (COUNT counts them).
export function occurrencesBefore(series: Series, start: Date): number {
  return expandSeries({ ...series, exdates: [] }, new Date(series.startsAt.getTime() - 1), start).filter((occurrence) => occurrence.start < start).length;
}
