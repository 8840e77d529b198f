import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import type { Event, MailIntent } from "@/lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE, instantToZoned, toDateString, zonedTimeToInstant } from "@/lib/planner/dates";
import { asSeries } from "@/lib/planner/events";
import { expandSeries, occurrenceAt } from "@/lib/planner/recurrence";
import { REMINDER_OFFSETS } from "@/lib/planner/types";

// E-mail reminders. A run looks for the reminders due around `now`, and queues each one's mail in
// the outbox in the same transaction as its ReminderDelivery row, whose key (event, occurrence
// start, offset) lets only one process queue it: the mail exists if and only if the row does, and
// the outbox sends it once, retrying through an SMTP outage. The mail is rendered when it is sent,
// for the event as it is then: one deleted, moved or no longer reminded of meanwhile sends nothing.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// A reminder missed by a stopped sweeper or a late scheduler still goes out this late, no later.
export const REMINDER_GRACE_MS = 10 * MINUTE;
// A reminder already due when its event was created or changed is not sent (an event made at 10:00
// for 10:05 does not remind "10 minutes before" at once); this much before the change still counts,
// so an edit made just after a reminder fell due does not swallow it before a run found it.
const CHANGE_SLACK_MS = MINUTE;
const MAX_OFFSET_MINUTES = Math.max(...REMINDER_OFFSETS);
// An all-day event reminds relative to this hour of its day, in the account's zone.
const ALL_DAY_HOUR = "09:00";

interface Owner {
  id: string;
  email: string;
  timeZone: string | null;
}

type Candidate = Event & { user: Owner };

// What a reminder mail says, read when it is sent.
export interface DueReminder {
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  minutesBefore: number;
  timeZone: string;
}

export interface ReminderRun {
  // Reminders found due; queued is how many of them this run queued (the rest another run had).
  due: number;
  queued: number;
  // The outbox intents queued, for the caller's first attempt.
  intentIds: string[];
}

// The calendar day a reminder links to, on the account's wall clock.
export function reminderDay(reminder: DueReminder): string {
  return reminder.allDay ? toDateString(reminder.start) : instantToZoned(reminder.start, reminder.timeZone).date;
}

const detailsSchema = z.object({ eventId: z.string(), occurrenceStart: z.iso.datetime(), minutesBefore: z.number().int() });

function zoneOf(owner: Owner): string {
  return owner.timeZone ?? DEFAULT_TIME_ZONE;
}

// The instant offsets count back from: the start, or for an all-day event its day's morning.
function anchorOf(start: Date, allDay: boolean, timeZone: string): Date {
  return allDay ? zonedTimeToInstant(`${toDateString(start)}T${ALL_DAY_HOUR}`, timeZone) : start;
}

// Verified, enabled accounts only: an address nobody proved must not receive mail it did not ask for.
const reachable = { emailVerifiedAt: { not: null }, disabledAt: null } as const;
const owner = { select: { id: true, email: true, timeZone: true } } as const;

// Each occurrence of the events with reminders that starts near the window, with the start its
// delivery is keyed by: a one-off event's or an override's own start, a series occurrence's as the
// rule places it.
async function occurrencesNear(from: Date, to: Date): Promise<{ event: Candidate; start: Date; end: Date }[]> {
  const db = getDb();
  const [single, series] = await Promise.all([
    db.event.findMany({ where: { recurrence: null, reminders: { isEmpty: false }, startsAt: { gte: from, lt: to }, user: reachable }, include: { user: owner } }),
    db.event.findMany({ where: { recurrence: { not: null }, reminders: { isEmpty: false }, startsAt: { lt: to }, user: reachable }, include: { user: owner } }),
  ]);
  const overridden = series.length ? await db.event.findMany({ where: { seriesId: { in: series.map((row) => row.id) } }, select: { seriesId: true, originalStartsAt: true } }) : [];
  const skip = new Map<string, Date[]>();
  for (const { seriesId, originalStartsAt } of overridden) if (seriesId && originalStartsAt) skip.set(seriesId, [...(skip.get(seriesId) ?? []), originalStartsAt]);
  return [
    ...single.map((event) => ({ event, start: event.startsAt, end: event.endsAt })),
    ...series.flatMap((event) => expandSeries(asSeries(event), from, to, { skip: skip.get(event.id) ?? [] }).map((occurrence) => ({ event, ...occurrence }))),
  ];
}

// Queues the reminders due at `now`: those whose time (start less offset) is in [now − grace, now]
// and came after the event was last changed. Safe to run in many processes at once.
export async function runReminders(now: Date): Promise<ReminderRun> {
  // Starts (all-day anchors move an event's start by up to a day either way) whose reminders may be due.
  const from = new Date(now.getTime() - REMINDER_GRACE_MS - DAY);
  const to = new Date(now.getTime() + MAX_OFFSET_MINUTES * MINUTE + DAY);
  const due: { event: Candidate; start: Date; minutesBefore: number }[] = [];
  for (const { event, start } of await occurrencesNear(from, to)) {
    const anchor = anchorOf(start, event.allDay, zoneOf(event.user)).getTime();
    for (const minutesBefore of event.reminders) {
      const at = anchor - minutesBefore * MINUTE;
      if (at > now.getTime() || at < now.getTime() - REMINDER_GRACE_MS || at < event.updatedAt.getTime() - CHANGE_SLACK_MS) continue;
      due.push({ event, start, minutesBefore });
    }
  }
  const run: ReminderRun = { due: due.length, queued: 0, intentIds: [] };
  for (const { event, start, minutesBefore } of due) {
    const intentId = await queueReminder(event, start, minutesBefore);
    if (!intentId) continue;
    run.queued++;
    run.intentIds.push(intentId);
  }
  return run;
}

// The delivery row and the mail, together or not at all; null when another run had it, or the
// event was deleted since it was read.
async function queueReminder(event: Candidate, start: Date, minutesBefore: number): Promise<string | null> {
  try {
    return await getDb().$transaction(async (tx) => {
      const { count } = await tx.reminderDelivery.createMany({ data: [{ eventId: event.id, occurrenceStart: start, minutesBefore }], skipDuplicates: true });
      if (count === 0) return null;
      const details = JSON.stringify({ eventId: event.id, occurrenceStart: start.toISOString(), minutesBefore } satisfies z.input<typeof detailsSchema>);
      const intent = await tx.mailIntent.create({ data: { kind: "REMINDER", address: event.user.email, userId: event.user.id, details }, select: { id: true } });
      return intent.id;
    });
  } catch (error) {
    if (await getDb().event.count({ where: { id: event.id } })) throw error;
    return null;
  }
}

function parseDetails(details: string | null) {
  try {
    const parsed = detailsSchema.safeParse(JSON.parse(details ?? "null"));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// The reminder a queued intent stands for, if it is still wanted now: the event still has that
// reminder and that occurrence (not deleted, moved, cancelled or changed on its own), the account
// still has the address, and the occurrence has not ended (a mail held up by an outage for hours
// would only be noise).
export async function dueReminderOf(intent: MailIntent, now = new Date()): Promise<DueReminder | null> {
  const details = parseDetails(intent.details);
  if (!details || !intent.userId) return null;
  const db = getDb();
  const event = await db.event.findFirst({ where: { id: details.eventId, userId: intent.userId, user: { ...reachable, email: intent.address } }, include: { user: owner } });
  if (!event?.reminders.includes(details.minutesBefore)) return null;
  const start = new Date(details.occurrenceStart);
  let end: Date;
  if (event.recurrence) {
    const occurrence = occurrenceAt(asSeries(event), start);
    if (!occurrence || (await db.event.count({ where: { seriesId: event.id, originalStartsAt: start } }))) return null;
    end = occurrence.end;
  } else {
    if (event.startsAt.getTime() !== start.getTime()) return null;
    end = event.endsAt;
  }
  if (now.getTime() > Math.max(end.getTime(), start.getTime() + REMINDER_GRACE_MS)) return null;
  return { title: event.title, start, end, allDay: event.allDay, minutesBefore: details.minutesBefore, timeZone: zoneOf(event.user) };
}
