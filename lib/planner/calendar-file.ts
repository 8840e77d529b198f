import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { Event } from "@/lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE } from "@/lib/planner/dates";
import { instantOf, NotACalendarError, readCalendar, repeatFromRule, writeCalendar, zoneOf, type CalendarEvent, type FileEvent } from "@/lib/planner/ics";
import { buildRule, occurrenceTest } from "@/lib/planner/recurrence";

// More rows than any person's calendar holds; a file or feed stops there rather than growing without bound.
export const MAX_CALENDAR_ROWS = 5000;
// The events an import shows before it is confirmed.
const MAX_PREVIEW = 200;
// Changed occurrences a file may carry: each is checked against its series' rule, and the first
// check of a series can walk the whole of it, so a file of thousands of series each with one would
// hold the server for long. Counted whether or not they are accepted.
export const MAX_CHANGED_OCCURRENCES = 500;
const UID_SUFFIX = "@tropical";

function uidOf(id: string): string {
  return `${id}${UID_SUFFIX}`;
}

function zoneOfRow(row: Event): string {
  return row.timeZone ?? DEFAULT_TIME_ZONE;
}

// Every event of the user as an iCalendar text: series with their rules and cancelled dates, and
// the occurrences changed on their own as RECURRENCE-ID events of the same UID.
export async function exportCalendar(userId: string, options: { refreshHours?: number } = {}): Promise<string> {
  const rows = await getDb().event.findMany({ where: { userId }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: MAX_CALENDAR_ROWS });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const events = rows.flatMap((row): CalendarEvent[] => {
    const base = { title: row.title, description: row.description, location: row.location, color: row.color, startsAt: row.startsAt, endsAt: row.endsAt, allDay: row.allDay, stamp: row.updatedAt };
    if (row.seriesId) {
      const series = byId.get(row.seriesId);
      if (!series?.recurrence || !row.originalStartsAt) return [];
      return [{ ...base, uid: uidOf(series.id), override: { timeZone: zoneOfRow(series), allDay: series.allDay, originalStart: row.originalStartsAt } }];
    }
    const series = row.recurrence ? { timeZone: zoneOfRow(row), recurrence: row.recurrence, exdates: row.exdates } : undefined;
    return [{ ...base, uid: uidOf(row.id), series }];
  });
  return writeCalendar(events, { name: "TropiCal", refreshHours: options.refreshHours });
}

export const SKIP_REASONS = ["duplicate", "unsupportedRule", "invalidTimes", "missingSeries", "cancelled", "tooMany"] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface ImportPreviewItem {
  title: string;
  startsAt: string;
  allDay: boolean;
  repeats: boolean;
  // null: imported (or would be, in a dry run).
  skipped: SkipReason | null;
}

export interface ImportResult {
  imported: number;
  skipped: number;
  reasons: Partial<Record<SkipReason, number>>;
  preview: ImportPreviewItem[];
  dryRun: boolean;
}

// What a file event becomes: an Event row's fields.
interface Planned {
  row: {
    id: string;
    title: string;
    description: string | null;
    location: string | null;
    color: Event["color"];
    startsAt: Date;
    endsAt: Date;
    allDay: boolean;
    recurrence: string | null;
    timeZone: string | null;
    exdates: Date[];
    icalUid: string | null;
    seriesId: string | null;
    originalStartsAt: Date | null;
  };
}

function clip(value: string | null, max: number): string | null {
  // PostgreSQL text cannot hold U+0000.
  const cleaned = value?.replaceAll("\u0000", "").trim();
  return cleaned ? cleaned.slice(0, max) : null;
}

const DAY = 86_400_000;

function timesOf(event: FileEvent, zone: string): { startsAt: Date; endsAt: Date; allDay: boolean } | null {
  const allDay = event.start.kind === "date";
  const startsAt = instantOf(event.start, zone);
  let endsAt: Date;
  if (event.end) {
    if ((event.end.kind === "date") !== allDay) return null;
    endsAt = instantOf(event.end, zone);
  } else if (event.durationSeconds !== null) endsAt = new Date(startsAt.getTime() + event.durationSeconds * 1000);
  else endsAt = new Date(startsAt.getTime() + (allDay ? DAY : 0));
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt < startsAt) return null;
  if (allDay && (endsAt <= startsAt || endsAt.getTime() % DAY !== 0)) return null;
  return { startsAt, endsAt, allDay };
}

// Reads an .ics text and plans its events for `userId`: what would be added and what is skipped
// and why. With dryRun nothing is written; otherwise every planned row is created in one
// transaction. Events whose UID the user already has (imported before, or TropiCal's own export of
// them) are skipped, so importing a file twice adds nothing the second time.
export async function importCalendar(userId: string, input: string, options: { dryRun: boolean; maxEvents: number }): Promise<ImportResult> {
  let fileEvents: FileEvent[];
  try {
    fileEvents = readCalendar(input);
  } catch (error) {
    if (error instanceof NotACalendarError) throw new ApiError("INVALID_INPUT", { ics: "icsInvalid" });
    throw error;
  }
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  const accountZone = user?.timeZone ?? DEFAULT_TIME_ZONE;
  const uids = [...new Set(fileEvents.flatMap((event) => (event.uid ? [event.uid] : [])))];
  const ownIds = uids.flatMap((uid) => (uid.endsWith(UID_SUFFIX) ? [uid.slice(0, -UID_SUFFIX.length)] : []));
  const known = uids.length
    ? await db.event.findMany({ where: { userId, OR: [{ icalUid: { in: uids } }, { id: { in: ownIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } }] }, select: { id: true, icalUid: true } })
    : [];
  const existing = new Set(known.flatMap((row) => [uidOf(row.id), ...(row.icalUid ? [row.icalUid] : [])]));

  const planned: Planned[] = [];
  const preview: ImportPreviewItem[] = [];
  const reasons: Partial<Record<SkipReason, number>> = {};
  const masters = new Map<string, Planned>();
  const skippedMasters = new Set<string>();
  // By series id; each series' exdates array is shared with its test, so a cancelled start counts at once.
  const occurrenceTests = new Map<string, (start: Date) => boolean>();
  const note = (event: FileEvent, startsAt: Date | null, skipped: SkipReason | null) => {
    if (skipped) reasons[skipped] = (reasons[skipped] ?? 0) + 1;
    if (preview.length < MAX_PREVIEW)
      preview.push({ title: clip(event.title, 200) ?? "", startsAt: (startsAt ?? new Date(0)).toISOString(), allDay: event.start.kind === "date", repeats: event.rrule !== null, skipped });
  };

  // Series and one-off events first, so that the occurrences changed on their own find their series.
  const ordered = [...fileEvents.filter((event) => !event.recurrenceId), ...fileEvents.filter((event) => event.recurrenceId)];
  let accepted = 0;
  let changedOccurrences = 0;
  for (const event of ordered) {
    const zone = zoneOf(event.start, accountZone);
    const times = timesOf(event, accountZone);
    const uid = event.uid;
    if (!times || !clip(event.title, 200)) {
      note(event, times?.startsAt ?? null, "invalidTimes");
      if (uid && !event.recurrenceId) skippedMasters.add(uid);
      continue;
    }
    if (accepted >= options.maxEvents) {
      note(event, times.startsAt, "tooMany");
      continue;
    }
    const content = { title: clip(event.title, 200) ?? "", description: clip(event.description, 2000), location: clip(event.location, 200), color: event.color ?? "TEAL" };

    if (event.recurrenceId && ++changedOccurrences > MAX_CHANGED_OCCURRENCES) {
      note(event, times.startsAt, "tooMany");
      continue;
    }
    if (event.recurrenceId) {
      const series = uid ? masters.get(uid) : undefined;
      if (!series?.row.recurrence || !series.row.timeZone) {
        note(event, times.startsAt, uid && (skippedMasters.has(uid) || existing.has(uid)) ? "duplicate" : "missingSeries");
        continue;
      }
      const originalStartsAt = instantOf(event.recurrenceId, series.row.timeZone);
      let isOccurrence = occurrenceTests.get(series.row.id);
      if (!isOccurrence) {
        const { startsAt, endsAt, allDay, timeZone, recurrence, exdates } = series.row;
        isOccurrence = occurrenceTest({ startsAt, endsAt, allDay, timeZone, recurrence, exdates });
        occurrenceTests.set(series.row.id, isOccurrence);
      }
      const taken = planned.some((other) => other.row.seriesId === series.row.id && other.row.originalStartsAt?.getTime() === originalStartsAt.getTime());
      if (taken || !isOccurrence(originalStartsAt)) {
        note(event, times.startsAt, "missingSeries");
        continue;
      }
      if (event.cancelled) {
        series.row.exdates.push(originalStartsAt);
        note(event, times.startsAt, "cancelled");
        continue;
      }
      planned.push({ row: { ...content, ...times, id: crypto.randomUUID(), recurrence: null, timeZone: null, exdates: [], icalUid: null, seriesId: series.row.id, originalStartsAt } });
      accepted += 1;
      note(event, times.startsAt, null);
      continue;
    }

    if (event.cancelled) {
      note(event, times.startsAt, "cancelled");
      if (uid) skippedMasters.add(uid);
      continue;
    }
    if (uid && (existing.has(uid) || masters.has(uid) || skippedMasters.has(uid))) {
      note(event, times.startsAt, "duplicate");
      skippedMasters.add(uid);
      continue;
    }
    let recurrence: { recurrence: string; timeZone: string; exdates: Date[] } | null = null;
    if (event.rrule !== null || event.unsupported) {
      const shape = { startsAt: times.startsAt, allDay: times.allDay, timeZone: zone };
      const repeat = event.unsupported || event.rrule === null ? null : repeatFromRule(event.rrule, shape);
      const rule = repeat ? buildRule(repeat, shape) : null;
      if (!rule) {
        note(event, times.startsAt, "unsupportedRule");
        if (uid) skippedMasters.add(uid);
        continue;
      }
      const exdates = event.exdates.map((time) => instantOf(time, zone));
      recurrence = { recurrence: rule, timeZone: zone, exdates };
    }
    const row = { ...content, ...times, id: crypto.randomUUID(), recurrence: null, timeZone: null, exdates: [], ...recurrence, icalUid: uid, seriesId: null, originalStartsAt: null };
    const plan = { row };
    planned.push(plan);
    if (uid) masters.set(uid, plan);
    accepted += 1;
    note(event, times.startsAt, null);
  }

  const skipped = Object.values(reasons).reduce((sum, count) => sum + count, 0);
  if (!options.dryRun && planned.length) {
    const rows = planned.map(({ row }) => ({ ...row, userId }));
    // Series before the occurrences that point at them.
    await db.$transaction([db.event.createMany({ data: rows.filter((row) => !row.seriesId) }), db.event.createMany({ data: rows.filter((row) => row.seriesId) })]);
  }
  return { imported: planned.length, skipped, reasons, preview, dryRun: options.dryRun };
}
