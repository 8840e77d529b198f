// Where the calendar draws things: events as bars across the days they cover (month view, all-day
// row) and as blocks sized by their hours (week view). Pure, so the rules are tested without a page.
import { eventDates } from "@/lib/planner/calendar";
import { addDays, instantToZoned, zonedTimeToInstant } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

type Timing = Pick<EventDto, "startsAt" | "endsAt" | "allDay">;

const MINUTES_A_DAY = 24 * 60;

// A run of days in one row: the bar of an item from column `start` over `span` columns, in `lane`.
export interface Bar<T> {
  item: T;
  start: number;
  span: number;
  lane: number;
  // Whether the item begins on the first and ends on the last of these columns, or goes on beyond.
  opens: boolean;
  closes: boolean;
}

// Lays items over a row of consecutive dates: each takes the lowest lane free on all of its days.
// Earlier items first, and of those the longer, so a trip stays on one line across its days.
export function barsInRow<T>(items: { item: T; first: string; last: string }[], row: string[]): Bar<T>[] {
  const rowFirst = row[0] ?? "";
  const rowLast = row.at(-1) ?? "";
  const visible = items
    .filter(({ first, last }) => first <= rowLast && last >= rowFirst)
    .map((entry, order) => ({ ...entry, order, from: Math.max(0, row.indexOf(entry.first < rowFirst ? rowFirst : entry.first)), to: row.indexOf(entry.last > rowLast ? rowLast : entry.last) }))
    .sort((a, b) => a.from - b.from || b.to - a.to || a.order - b.order);
  const lanesEnd: number[] = [];
  return visible.map(({ item, first, last, from, to }) => {
    let lane = lanesEnd.findIndex((end) => end < from);
    if (lane === -1) lane = lanesEnd.length;
    lanesEnd[lane] = to;
    return { item, start: from, span: to - from + 1, lane, opens: first >= rowFirst, closes: last <= rowLast };
  });
}

// The events as bars over their dates where the user is.
export function eventBars<T extends Timing>(events: T[], row: string[], timeZone: string): Bar<T>[] {
  return barsInRow(
    events.map((event) => ({ item: event, ...eventDates(event, timeZone) })),
    row,
  );
}

// What a day's line says about the time of an event that started earlier or ends later: its start
// on its first day ("20:00"), its end on its last ("~09:00"), nothing on the days between or when all-day.
export function timeLabelOn(event: Timing, date: string, timeZone: string): string {
  if (event.allDay) return "";
  const start = instantToZoned(new Date(event.startsAt), timeZone);
  if (start.date === date) return start.time;
  const { last } = eventDates(event, timeZone);
  return last === date ? `~${instantToZoned(new Date(event.endsAt), timeZone).time}` : "";
}

// The week view's all-day row holds all-day events and those of a day or longer; the rest are drawn
// in the hours, split at midnight.
export function isLong(event: Timing): boolean {
  return event.allDay || Date.parse(event.endsAt) - Date.parse(event.startsAt) >= MINUTES_A_DAY * 60_000;
}

// A timed event's part of one day, in minutes from that day's midnight on the wall clock.
export interface Block<T> {
  item: T;
  top: number;
  bottom: number;
  // Overlapping events share the day's width: this one is column `column` of `columns`.
  column: number;
  columns: number;
}

export function blocksOn<T extends Timing>(events: T[], date: string, timeZone: string): Block<T>[] {
  const parts = events
    .filter((event) => !isLong(event))
    .flatMap((event) => {
      const { first, last } = eventDates(event, timeZone);
      if (date < first || date > last) return [];
      const start = instantToZoned(new Date(event.startsAt), timeZone);
      const end = instantToZoned(new Date(event.endsAt), timeZone);
      const top = start.date === date ? minutesOf(start.time) : 0;
      const bottom = end.date === date ? minutesOf(end.time) : MINUTES_A_DAY;
      return [{ item: event, top, bottom: Math.max(bottom, top) }];
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom);

  // Events that overlap, directly or through each other, form a group that shares the width.
  const blocks: Block<T>[] = [];
  let group: Block<T>[] = [];
  let groupEnd = -1;
  const closeGroup = () => {
    const columns = Math.max(0, ...group.map((block) => block.column)) + 1;
    for (const block of group) block.columns = columns;
    blocks.push(...group);
    group = [];
  };
  const columnEnds: number[] = [];
  for (const part of parts) {
    if (part.top >= groupEnd && group.length) {
      closeGroup();
      columnEnds.length = 0;
    }
    let column = columnEnds.findIndex((end) => end <= part.top);
    if (column === -1) column = columnEnds.length;
    // A block is at least a quarter-hour tall, so it never overlaps one it does not visually touch.
    const end = Math.max(part.bottom, part.top + 15);
    columnEnds[column] = end;
    groupEnd = Math.max(groupEnd, end);
    group.push({ ...part, column, columns: 1 });
  }
  if (group.length) closeGroup();
  return blocks;
}

export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

// An event moved by whole days and minutes of the wall clock where the user is, keeping its length
// (a move across a daylight-saving change keeps the hour on the clock, not the hours since).
export function movedBy(event: Timing, days: number, minutes: number, timeZone: string): Pick<EventDto, "startsAt" | "endsAt"> {
  if (event.allDay) {
    const shift = (instant: string) => `${addDays(instant.slice(0, 10), days)}T00:00:00.000Z`;
    return { startsAt: shift(event.startsAt), endsAt: shift(event.endsAt) };
  }
  const start = instantToZoned(new Date(event.startsAt), timeZone);
  const wall = new Date(Date.parse(`${start.date}T${start.time}:00Z`) + (days * MINUTES_A_DAY + minutes) * 60_000).toISOString().slice(0, 16);
  const startsAt = zonedTimeToInstant(wall, timeZone);
  const length = Date.parse(event.endsAt) - Date.parse(event.startsAt);
  return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + length).toISOString() };
}

// A timed event whose end is dragged to `minutes` after midnight of `date`, never shorter than a quarter-hour.
export function resizedTo(event: Timing, date: string, minutes: number, timeZone: string): Pick<EventDto, "startsAt" | "endsAt"> {
  const snapped = Math.round(minutes / 15) * 15;
  const wall = new Date(Date.parse(`${date}T00:00:00Z`) + snapped * 60_000).toISOString().slice(0, 16);
  const end = Math.max(zonedTimeToInstant(wall, timeZone).getTime(), Date.parse(event.startsAt) + 15 * 60_000);
  return { startsAt: event.startsAt, endsAt: new Date(end).toISOString() };
}

// Whole days from one date to another.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// A place in the week's hours: a date and the minutes from its midnight.
export interface WallTime {
  date: string;
  minutes: number;
}

// The hours a drag to create an event snaps to.
export const SELECTION_STEP = 15;

const toWall = ({ date, minutes }: WallTime) => Date.parse(`${date}T00:00:00Z`) / 60_000 + minutes;
function fromWall(total: number): WallTime {
  const iso = new Date(total * 60_000).toISOString();
  return { date: iso.slice(0, 10), minutes: minutesOf(iso.slice(11, 16)) };
}

// What a drag over the hours selects, from where it was pressed to where the pointer is, either way
// round: the quarter-hours it touches, at least one; it may run over midnight into other days.
export function selectedTimes(pressed: WallTime, pointer: WallTime): { start: WallTime; end: WallTime } {
  const [low, high] = [toWall(pressed), toWall(pointer)].sort((a, b) => a - b) as [number, number];
  const start = Math.floor(low / SELECTION_STEP) * SELECTION_STEP;
  const end = Math.max(start + SELECTION_STEP, Math.ceil(high / SELECTION_STEP) * SELECTION_STEP);
  return { start: fromWall(start), end: fromWall(end) };
}

// The part of a selection on one day's column, in minutes from its midnight; null on other days.
export function selectionOn(selection: { start: WallTime; end: WallTime }, date: string): { top: number; bottom: number } | null {
  const { start, end } = selection;
  if (date < start.date || date > end.date || (date === end.date && end.minutes === 0 && date !== start.date)) return null;
  return { top: date === start.date ? start.minutes : 0, bottom: date === end.date ? end.minutes : MINUTES_A_DAY };
}

export const clockTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
