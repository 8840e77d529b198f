// iCalendar (RFC 5545) files: writing a user's events, and reading a file someone else wrote into
// what TropiCal can store. Pure: the database side is lib/planner/calendar-file.ts.
//
// Series are written with DTSTART;TZID=<IANA id> and no VTIMEZONE: Google Calendar, Apple Calendar
// and Outlook resolve IANA ids themselves, and a generated VTIMEZONE would only approximate the
// zone's history. Lunar yearly rules go out as RFC 7529 RSCALE=DANGI, the form they are stored in.
import ICAL from "ical.js";
import { buildRule, fromFloating, seriesDate, toFloating } from "@/lib/planner/recurrence";
import { isTimeZone } from "@/lib/planner/dates";
import { toLunar } from "@/lib/planner/lunar";
import { weekdayOf, weekdayOrdinal } from "@/lib/planner/repeat";
import { EVENT_COLORS, WEEKDAYS, type EventColor, type Repeat, type Weekday } from "@/lib/planner/types";

// ical.js parses RRULE into its own object, dropping what it does not know (RSCALE, the leap
// month's "L"); read as raw text, the rule reaches repeatFromRule as written. This process never
// uses ical.js's recurrence expansion.
ICAL.design.icalendar.property.rrule = { defaultType: "unknown" };

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

export interface CalendarEvent {
  uid: string;
  title: string;
  description: string | null;
  location: string | null;
  color: EventColor;
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
  stamp: Date;
  // A series: its zone, stored RRULE and cancelled starts.
  series?: { timeZone: string; recurrence: string; exdates: readonly Date[] };
  // An occurrence changed on its own: its series' zone and all-day-ness (RECURRENCE-ID is written
  // the way the series' DTSTART is) and its original start.
  override?: { timeZone: string; allDay: boolean; originalStart: Date };
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

// Lines longer than 75 octets continue on the next line after a space; a break never falls inside
// a character's UTF-8 bytes (or between a surrogate pair's halves).
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    const limit = lines.length ? MAX_LINE_OCTETS - 1 : MAX_LINE_OCTETS;
    if (octets + size > limit) {
      lines.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(`${CRLF} `);
}

function compact(iso: string): string {
  return iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function utcStamp(instant: Date): string {
  return compact(instant.toISOString());
}

function dateValue(instant: Date): string {
  return instant.toISOString().slice(0, 10).replaceAll("-", "");
}

// `NAME;params:value` for an instant: a DATE, a wall-clock time in `timeZone`, or UTC.
function timeProperty(name: string, instant: Date, form: { allDay: boolean; timeZone?: string }): string {
  if (form.allDay) return `${name};VALUE=DATE:${dateValue(instant)}`;
  if (form.timeZone) return `${name};TZID=${form.timeZone}:${compact(new Date(toFloating(instant, false, form.timeZone)).toISOString()).slice(0, 15)}`;
  return `${name}:${utcStamp(instant)}`;
}

function eventLines(event: CalendarEvent): string[] {
  const zone = event.series?.timeZone ?? event.override?.timeZone;
  const form = { allDay: event.allDay, timeZone: zone };
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${utcStamp(event.stamp)}`, timeProperty("DTSTART", event.startsAt, form), timeProperty("DTEND", event.endsAt, form)];
  if (event.override) lines.push(timeProperty("RECURRENCE-ID", event.override.originalStart, { allDay: event.override.allDay, timeZone: event.override.timeZone }));
  if (event.series) {
    lines.push(`RRULE:${event.series.recurrence}`);
    const exdates = event.series.exdates.map((date) => timeProperty("EXDATE", date, form));
    lines.push(...exdates);
  }
  lines.push(`SUMMARY:${escapeText(event.title)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(`X-TROPICAL-COLOR:${event.color}`, "END:VEVENT");
  return lines;
}

export function writeCalendar(events: readonly CalendarEvent[], options: { name: string; refreshHours?: number }): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//TropiCal//TropiCal Planner//KO", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(options.name)}`];
  // How often a subscribing app should fetch again (RFC 7986, and Outlook's older name for it).
  if (options.refreshHours) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshHours}H`, `X-PUBLISHED-TTL:PT${options.refreshHours}H`);
  for (const event of events) lines.push(...eventLines(event));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

// A time as a file gives it: a DATE, UTC, a wall clock in a named zone, or floating (the reader's).
export interface FileTime {
  kind: "date" | "utc" | "zoned" | "floating";
  // "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:mm:ss" otherwise.
  value: string;
  tzid: string | null;
}

export interface FileEvent {
  uid: string | null;
  title: string;
  description: string | null;
  location: string | null;
  color: EventColor | null;
  start: FileTime;
  end: FileTime | null;
  durationSeconds: number | null;
  rrule: string | null;
  exdates: FileTime[];
  recurrenceId: FileTime | null;
  // RDATE and EXRULE add or take occurrences TropiCal cannot keep.
  unsupported: boolean;
  cancelled: boolean;
}

export class NotACalendarError extends Error {}

function fileTime(property: ICAL.Property | null, value?: unknown): FileTime | null {
  const time = value ?? property?.getFirstValue();
  if (!(time instanceof ICAL.Time)) return null;
  const text = time.toString();
  if (time.isDate) return { kind: "date", value: text, tzid: null };
  const tzid = property?.getParameter("tzid");
  if (time.zone === ICAL.Timezone.utcTimezone || text.endsWith("Z")) return { kind: "utc", value: text.replace(/Z$/, ""), tzid: null };
  if (typeof tzid === "string" && tzid) return { kind: "zoned", value: text, tzid };
  return { kind: "floating", value: text, tzid: null };
}

function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return typeof value === "string" ? value : null;
}

// The VEVENTs of an iCalendar text; NotACalendarError when it is not one.
export function readCalendar(input: string): FileEvent[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(input));
  } catch {
    throw new NotACalendarError();
  }
  if (root.name !== "vcalendar") throw new NotACalendarError();
  return root.getAllSubcomponents("vevent").flatMap((component): FileEvent[] => {
    const start = fileTime(component.getFirstProperty("dtstart"));
    if (!start) return [];
    const duration = component.getFirstPropertyValue("duration");
    const color = text(component, "x-tropical-color");
    const rrules = component.getAllProperties("rrule");
    return [
      {
        uid: text(component, "uid"),
        title: text(component, "summary") ?? "",
        description: text(component, "description"),
        location: text(component, "location"),
        color: EVENT_COLORS.find((known) => known === color) ?? null,
        start,
        end: fileTime(component.getFirstProperty("dtend")),
        durationSeconds: duration instanceof ICAL.Duration ? duration.toSeconds() : null,
        rrule: rrules.length === 1 ? String(rrules[0]?.getFirstValue() ?? "") : null,
        exdates: component.getAllProperties("exdate").flatMap((property) => property.getValues().flatMap((value) => fileTime(property, value) ?? [])),
        recurrenceId: fileTime(component.getFirstProperty("recurrence-id")),
        unsupported: rrules.length > 1 || component.hasProperty("rdate") || component.hasProperty("exrule"),
        cancelled: text(component, "status")?.toUpperCase() === "CANCELLED",
      },
    ];
  });
}

// The zone a file time's wall clock is read in: its own IANA TZID, else the reader's. Windows zone
// names (Outlook) and custom VTIMEZONEs are read as the reader's zone.
export function zoneOf(time: FileTime, fallbackZone: string): string {
  if (time.kind === "utc") return "UTC";
  return time.tzid && isTimeZone(time.tzid) ? time.tzid : fallbackZone;
}

// The instant a file time names; all-day dates are UTC midnight, as TropiCal keeps them.
export function instantOf(time: FileTime, fallbackZone: string): Date {
  if (time.kind === "date") return new Date(`${time.value}T00:00:00.000Z`);
  const floating = Date.parse(`${time.value}Z`);
  return fromFloating(floating, false, zoneOf(time, fallbackZone));
}

function ruleParts(rule: string): Map<string, string> | null {
  const parts = new Map<string, string>();
  for (const part of rule.split(";")) {
    const [key, value, ...rest] = part.split("=");
    if (!key || value === undefined || rest.length || parts.has(key.toUpperCase())) return null;
    parts.set(key.toUpperCase(), value.toUpperCase());
  }
  return parts;
}

const KNOWN_PARTS = new Set(["FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST", "RSCALE", "SKIP"]);

function isWeekday(value: string): value is Weekday {
  return (WEEKDAYS as readonly string[]).includes(value);
}

function positiveInteger(value: string | undefined, fallback: number, max: number): number | null {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= max ? number : null;
}

// UNTIL as the last date it allows, in the series' zone.
function untilDate(value: string, start: { allDay: boolean; timeZone: string }): string | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute, second, utc] = match;
  const date = `${year}-${month}-${day}`;
  if (hour === undefined || !utc) return date;
  return seriesDate(new Date(`${date}T${hour}:${minute}:${second}Z`), start.allDay, start.timeZone);
}

// The Repeat a file's RRULE means, when TropiCal's rules can say the same: DAILY, WEEKLY on plain
// weekdays, MONTHLY on the start's date or its weekday, YEARLY on the start's date (Gregorian, or
// the Korean lunar one with RSCALE=DANGI), with INTERVAL and COUNT or UNTIL. Null for anything else.
export function repeatFromRule(rule: string, start: { startsAt: Date; allDay: boolean; timeZone: string }): Repeat | null {
  const parts = ruleParts(rule);
  if (!parts || [...parts.keys()].some((key) => !KNOWN_PARTS.has(key))) return null;
  const freq = parts.get("FREQ");
  if (freq !== "DAILY" && freq !== "WEEKLY" && freq !== "MONTHLY" && freq !== "YEARLY") return null;
  const interval = positiveInteger(parts.get("INTERVAL"), 1, 99);
  const count = parts.has("COUNT") ? positiveInteger(parts.get("COUNT"), 1, 999) : null;
  if (interval === null || (parts.has("COUNT") && count === null) || (parts.has("COUNT") && parts.has("UNTIL"))) return null;
  const startDate = seriesDate(start.startsAt, start.allDay, start.timeZone);
  const until = parts.has("UNTIL") ? untilDate(parts.get("UNTIL") ?? "", start) : null;
  if (parts.has("UNTIL") && (until === null || until < startDate)) return null;
  const byDay = parts.get("BYDAY")?.split(",") ?? [];
  const byMonthDay = parts.get("BYMONTHDAY");
  const byMonth = parts.get("BYMONTH");
  const lunar = parts.has("RSCALE");
  if (lunar ? parts.get("RSCALE") !== "DANGI" || freq !== "YEARLY" || parts.get("SKIP") !== "BACKWARD" : parts.has("SKIP")) return null;
  // The week's first day only changes which weeks count for a rule every 2+ weeks on several days.
  if (freq === "WEEKLY" && interval > 1 && byDay.length > 1 && (parts.get("WKST") ?? "MO") !== "MO") return null;
  const repeat: Repeat = { freq, interval, byWeekday: [], monthlyBy: "date", lunar, until, count };
  const day = Number(startDate.slice(8, 10));
  const month = Number(startDate.slice(5, 7));
  switch (freq) {
    case "DAILY":
      if (byDay.length || byMonthDay || byMonth) return null;
      break;
    case "WEEKLY":
      if (byMonthDay || byMonth || !byDay.every(isWeekday)) return null;
      repeat.byWeekday = byDay.filter(isWeekday);
      break;
    case "MONTHLY":
      if (byMonth) return null;
      if (byDay.length) {
        const [code] = byDay;
        if (byDay.length > 1 || byMonthDay || code?.replace(/^\+/, "") !== `${weekdayOrdinal(startDate)}${weekdayOf(startDate)}`) return null;
        repeat.monthlyBy = "weekday";
      } else if (byMonthDay && Number(byMonthDay) !== day) return null;
      break;
    case "YEARLY":
      if (byDay.length) return null;
      if (lunar) {
        const date = toLunar(startDate);
        if (!date || byMonth !== `${date.month}${date.leap ? "L" : ""}` || Number(byMonthDay) !== date.day) return null;
      } else if ((byMonth && Number(byMonth) !== month) || (byMonthDay && Number(byMonthDay) !== day)) return null;
      break;
  }
  return buildRule(repeat, start) === null ? null : repeat;
}
