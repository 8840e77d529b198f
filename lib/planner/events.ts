import "server-only";
import { getDb } from "@/lib/db";
import { ownedOrNotFound } from "@/lib/planner/owned";
import { ApiError } from "@/lib/errors";
import type { Event, Prisma } from "@/lib/generated/prisma/client";
import { addDays, DEFAULT_TIME_ZONE } from "@/lib/planner/dates";
import { buildRule, expandSeries, fromFloating, occurrenceAt, occurrencesBefore, parseRule, seriesDate, toFloating, type Occurrence, type Series } from "@/lib/planner/recurrence";
import { samePattern, sameRepeat } from "@/lib/planner/repeat";
import type { EditScope, EventDto, Repeat } from "@/lib/planner/types";
import { eventTimeProblems, type EventCreateInput, type EventDeleteInput, type EventUpdateInput } from "@/lib/validations/planner";

// More than a person can read in one view; the range is bounded too (see eventRangeSchema).
const MAX_EVENTS = 1000;

type Transaction = Prisma.TransactionClient;

function zoneOf(row: Event): string {
  return row.timeZone ?? DEFAULT_TIME_ZONE;
}

export function asSeries(row: Event): Series {
  return { startsAt: row.startsAt, endsAt: row.endsAt, allDay: row.allDay, timeZone: zoneOf(row), recurrence: row.recurrence ?? "", exdates: row.exdates };
}

function repeatOf(row: Event): Repeat | null {
  return row.recurrence ? parseRule(row.recurrence, { allDay: row.allDay, timeZone: zoneOf(row) }) : null;
}

// `row` as the API shows it: a one-off event, a series at `occurrence` (its first one when left out),
// or an override of `series`.
export function toDto(row: Event, series?: Event, occurrence?: Occurrence): EventDto {
  const owner = series ?? (row.recurrence ? row : null);
  const start = occurrence?.start ?? row.startsAt;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: row.location,
    startsAt: start.toISOString(),
    endsAt: (occurrence?.end ?? row.endsAt).toISOString(),
    allDay: row.allDay,
    color: row.color,
    seriesId: owner?.id ?? null,
    occurrenceStart: owner ? (row.originalStartsAt ?? start).toISOString() : null,
    repeat: owner ? repeatOf(owner) : null,
    timeZone: owner ? zoneOf(owner) : null,
    reminders: row.reminders,
  };
}

// Events and occurrences overlapping [from, to): starting before its end and ending after its start.
// Overrides are rows of their own, listed like one-off events; their series leave them out.
export async function listEvents(userId: string, from: Date, to: Date): Promise<EventDto[]> {
  const db = getDb();
  const [rows, seriesRows] = await Promise.all([
    db.event.findMany({ where: { userId, recurrence: null, startsAt: { lt: to }, endsAt: { gt: from } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: MAX_EVENTS }),
    db.event.findMany({ where: { userId, recurrence: { not: null }, startsAt: { lt: to } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], take: MAX_EVENTS }),
  ]);
  const series = new Map(seriesRows.map((row) => [row.id, row]));
  // An override moved before its series' first start belongs to a series not read above.
  const missing = [...new Set(rows.flatMap((row) => (row.seriesId && !series.has(row.seriesId) ? [row.seriesId] : [])))];
  if (missing.length) for (const row of await db.event.findMany({ where: { userId, id: { in: missing } } })) series.set(row.id, row);
  const overridden = seriesRows.length ? await db.event.findMany({ where: { userId, seriesId: { in: seriesRows.map((row) => row.id) } }, select: { seriesId: true, originalStartsAt: true } }) : [];
  const skip = new Map<string, Date[]>();
  for (const { seriesId, originalStartsAt } of overridden) if (seriesId && originalStartsAt) skip.set(seriesId, [...(skip.get(seriesId) ?? []), originalStartsAt]);

  const events = rows.map((row) => toDto(row, row.seriesId ? series.get(row.seriesId) : undefined));
  for (const row of seriesRows) {
    for (const occurrence of expandSeries(asSeries(row), from, to, { skip: skip.get(row.id) ?? [], limit: MAX_EVENTS })) events.push(toDto(row, undefined, occurrence));
  }
  return events.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id)).slice(0, MAX_EVENTS);
}

async function accountZone(userId: string): Promise<string> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { timeZone: true } });
  return user?.timeZone ?? DEFAULT_TIME_ZONE;
}

// The RRULE of `repeat` from `start`, or the field problem that keeps it from being stored.
function ruleFor(repeat: Repeat, start: { startsAt: Date; allDay: boolean; timeZone: string }): string {
  if (repeat.until !== null && repeat.until < seriesDate(start.startsAt, start.allDay, start.timeZone)) throw new ApiError("INVALID_INPUT", { "repeat.until": "repeatUntilBeforeStart" });
  const rule = buildRule(repeat, start);
  if (!rule) throw new ApiError("INVALID_INPUT", { "repeat.lunar": "repeatLunarOutOfRange" });
  return rule;
}

function assertTimes(event: { startsAt: Date; endsAt: Date; allDay: boolean }): void {
  const problems = eventTimeProblems(event);
  if (Object.keys(problems).length) throw new ApiError("INVALID_INPUT", problems);
}

export async function createEvent(userId: string, input: EventCreateInput): Promise<EventDto> {
  const { repeat, timeZone, ...fields } = input;
  if (!repeat) return toDto(await getDb().event.create({ data: { ...fields, userId } }));
  const zone = timeZone ?? (await accountZone(userId));
  const recurrence = ruleFor(repeat, { startsAt: fields.startsAt, allDay: fields.allDay, timeZone: zone });
  return toDto(await getDb().event.create({ data: { ...fields, userId, recurrence, timeZone: zone } }));
}

async function findOwn(userId: string, id: string): Promise<Event> {
  const event = await getDb().event.findFirst({ where: { id, userId } });
  if (!event) throw new ApiError("NOT_FOUND");
  return event;
}

// A change to a series runs with its row locked, so that two edits of one series at once (a
// cancelled occurrence added while the series is split) take turns instead of one losing the other.
async function withSeries<T>(userId: string, seriesId: string, change: (tx: Transaction, series: Event) => Promise<T>): Promise<T> {
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${seriesId} AND "userId" = ${userId} AND recurrence IS NOT NULL FOR UPDATE`;
    const series = locked.length ? await tx.event.findUnique({ where: { id: seriesId } }) : null;
    if (!series) throw new ApiError("NOT_FOUND");
    return change(tx, series);
  });
}

// The fields of an event a change may set, as given.
function contentOf(input: EventUpdateInput) {
  const { title, description, location, color, reminders } = input;
  return { title, description, location, color, reminders };
}

type ContentField = "title" | "description" | "location" | "color";

// A change made to every occurrence reaches the overrides that still had the series' old value.
async function carryToOverrides(tx: Transaction, seriesId: string, before: Event, input: EventUpdateInput): Promise<void> {
  for (const field of ["title", "description", "location", "color"] as const satisfies readonly ContentField[]) {
    const value = input[field];
    if (value === undefined || value === before[field]) continue;
    await tx.event.updateMany({ where: { seriesId, [field]: before[field] }, data: { [field]: value } });
  }
  const { reminders } = input;
  if (reminders !== undefined && !sameNumbers(reminders, before.reminders)) {
    await tx.event.updateMany({ where: { seriesId, reminders: { equals: before.reminders } }, data: { reminders } });
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

async function updateOne(userId: string, row: Event, input: EventUpdateInput, series?: Event): Promise<EventDto> {
  const times = { startsAt: input.startsAt ?? row.startsAt, endsAt: input.endsAt ?? row.endsAt, allDay: input.allDay ?? row.allDay };
  assertTimes(times);
  let recurrence: { recurrence: string; timeZone: string } | undefined;
  // An override stays one occurrence; a one-off event given a rule becomes a series.
  if (!series && input.repeat) {
    const timeZone = input.timeZone ?? row.timeZone ?? (await accountZone(userId));
    recurrence = { recurrence: ruleFor(input.repeat, { ...times, timeZone }), timeZone };
  }
  const updated = await ownedOrNotFound(getDb().event.update({ where: { id: row.id, userId }, data: { ...contentOf(input), ...times, ...recurrence } }));
  return toDto(updated, series);
}

// The occurrence of `series` that starts at `start` as its rule places it, or 404.
function occurrenceOf(series: Event, start: Date | undefined): Occurrence {
  const occurrence = start ? occurrenceAt(asSeries(series), start) : null;
  if (!occurrence) throw new ApiError("NOT_FOUND");
  return occurrence;
}

function requireScope(scope: EditScope | undefined): EditScope {
  if (!scope) throw new ApiError("INVALID_INPUT", { scope: "scopeRequired" });
  return scope;
}

export async function updateEvent(userId: string, id: string, input: EventUpdateInput): Promise<EventDto> {
  const row = await findOwn(userId, id);
  if (row.seriesId) {
    const series = await findOwn(userId, row.seriesId);
    const scope = input.scope ?? "this";
    if (scope === "this") return updateOne(userId, row, input, series);
    return changeSeries(userId, row.seriesId, row.originalStartsAt ?? row.startsAt, scope, input);
  }
  if (!row.recurrence) return updateOne(userId, row, input);
  const scope = requireScope(input.scope);
  const start = input.occurrenceStart ?? (scope === "all" ? row.startsAt : undefined);
  if (!start) throw new ApiError("INVALID_INPUT", { occurrenceStart: "dateTimeInvalid" });
  if (scope !== "this") return changeSeries(userId, row.id, start, scope, input);
  const override = await getDb().event.findFirst({ where: { userId, seriesId: row.id, originalStartsAt: start } });
  if (override) return updateOne(userId, override, input, row);
  const created = await withSeries(userId, row.id, async (tx, series) => {
    // Looked for again under the series' lock: a concurrent change of the same occurrence (a second
    // tab, a double-submitted drag) may have made its override since.
    if (await tx.event.count({ where: { seriesId: series.id, originalStartsAt: start } })) return null;
    const occurrence = occurrenceOf(series, start);
    const times = { startsAt: input.startsAt ?? occurrence.start, endsAt: input.endsAt ?? occurrence.end, allDay: input.allDay ?? series.allDay };
    assertTimes(times);
    const content = { title: series.title, description: series.description, location: series.location, color: series.color, reminders: series.reminders };
    const created = await tx.event.create({
      data: { ...content, ...Object.fromEntries(Object.entries(contentOf(input)).filter(([, value]) => value !== undefined)), ...times, userId, seriesId: series.id, originalStartsAt: start },
    });
    return toDto(created, series);
  });
  // The concurrent change came first: this one applies to the override it made.
  return created ?? updateEvent(userId, id, input);
}

// "This and following" or "all" from the occurrence at `start`. The occurrence's move (its new start
// against its old one, on the wall clock) moves the whole series, or the new one split off, alike;
// cancelled and changed occurrences move with it while the rule places occurrences as before, and
// are dropped when it does not (as Google Calendar does).
async function changeSeries(userId: string, seriesId: string, start: Date, requested: Exclude<EditScope, "this">, input: EventUpdateInput): Promise<EventDto> {
  return withSeries(userId, seriesId, async (tx, series) => {
    const occurrence = occurrenceOf(series, start);
    const scope = start.getTime() === series.startsAt.getTime() ? "all" : requested;
    const zone = zoneOf(series);
    const current = repeatOf(series);
    if (!current) throw new ApiError("NOT_FOUND");
    // What the dialog showed: the override, if this occurrence had one. Its times only move the
    // series when the change moved them.
    const override = await tx.event.findFirst({ where: { seriesId, originalStartsAt: start } });
    const shown = override ? { start: override.startsAt, end: override.endsAt, allDay: override.allDay } : { ...occurrence, allDay: series.allDay };
    const asked = { start: input.startsAt ?? shown.start, end: input.endsAt ?? shown.end, allDay: input.allDay ?? shown.allDay };
    assertTimes({ startsAt: asked.start, endsAt: asked.end, allDay: asked.allDay });
    const moved = asked.start.getTime() !== shown.start.getTime() || asked.end.getTime() !== shown.end.getTime() || asked.allDay !== shown.allDay;
    const target = moved ? asked : { ...occurrence, allDay: series.allDay };
    const allDay = target.allDay;
    const newStart = target.start;
    const newEnd = target.end;
    const before = (instant: Date) => toFloating(instant, series.allDay, zone);
    const delta = toFloating(newStart, allDay, zone) - before(occurrence.start);
    const duration = toFloating(newEnd, allDay, zone) - toFloating(newStart, allDay, zone);
    const shift = (instant: Date) => fromFloating(before(instant) + delta, allDay, zone);
    const shiftedEnd = (instant: Date) => fromFloating(before(instant) + delta + duration, allDay, zone);
    const repeat = input.repeat === undefined ? current : input.repeat;
    // The edited occurrence takes the series' new state, so its own override gives way.
    if (override) await tx.event.delete({ where: { id: override.id } });
    const ruleDuration = toFloating(series.endsAt, series.allDay, zone) - before(series.startsAt);
    // Changed occurrences keep their place in the series: their original start moves with it, and
    // their own times too where they still had the rule's. One by one, in an order (see the callers)
    // that never puts two on the same original start on the way.
    const moveOverrides = async (overrides: Event[], toSeriesId: string) => {
      for (const { id, originalStartsAt: original, startsAt, endsAt, allDay: overrideAllDay } of overrides) {
        if (!original) continue;
        const ruleTimes =
          startsAt.getTime() === original.getTime() && overrideAllDay === series.allDay && endsAt.getTime() === fromFloating(before(original) + ruleDuration, series.allDay, zone).getTime();
        const times = ruleTimes ? { startsAt: shift(original), endsAt: shiftedEnd(original), allDay } : {};
        await tx.event.update({ where: { id }, data: { seriesId: toSeriesId, originalStartsAt: shift(original), ...times } });
      }
    };
    const content = contentOf(input);
    const edited = { start: newStart, end: newEnd };

    if (scope === "all") {
      const startsAt = shift(series.startsAt);
      const recurrence = repeat ? ruleFor(repeat, { startsAt, allDay, timeZone: zone }) : null;
      const keep = repeat !== null && samePattern(repeat, current, seriesDate(startsAt, allDay, zone));
      if (!keep) await tx.event.deleteMany({ where: { seriesId } });
      else {
        await moveOverrides(await tx.event.findMany({ where: { seriesId }, orderBy: { originalStartsAt: delta > 0 ? "desc" : "asc" } }), seriesId);
        await carryToOverrides(tx, seriesId, series, input);
      }
      const updated = await tx.event.update({
        where: { id: seriesId },
        data: repeat
          ? { ...content, allDay, startsAt, endsAt: shiftedEnd(series.startsAt), recurrence, exdates: keep ? series.exdates.map(shift) : [] }
          : // No longer repeating: what is left is the occurrence that was edited.
            { ...content, allDay, startsAt: newStart, endsAt: newEnd, recurrence: null, timeZone: null, exdates: [] },
      });
      return toDto(updated, undefined, repeat ? edited : undefined);
    }

    // The series so far ends the day before this occurrence (or after as many times as it had).
    // Only a COUNT is shared out between the two series; counting walks the series from its start.
    const earlier = current.count === null ? 0 : occurrencesBefore(asSeries(series), start);
    const endedRepeat = current.count !== null ? { ...current, count: earlier } : { ...current, until: addDays(seriesDate(start, series.allDay, zone), -1), count: null };
    const unchanged = input.repeat === undefined || (input.repeat !== null && sameRepeat(input.repeat, current, seriesDate(start, series.allDay, zone)));
    const rest = repeat && unchanged && current.count !== null ? { ...repeat, count: current.count - earlier } : repeat;
    const keep = rest !== null && samePattern(rest, current, seriesDate(newStart, allDay, zone));
    await tx.event.update({ where: { id: seriesId }, data: { recurrence: ruleFor(endedRepeat, asSeries(series)), exdates: series.exdates.filter((date) => date < start) } });
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...copied } = series;
    const created = await tx.event.create({
      data: {
        ...copied,
        ...Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined)),
        allDay,
        startsAt: newStart,
        endsAt: newEnd,
        recurrence: rest ? ruleFor(rest, { startsAt: newStart, allDay, timeZone: zone }) : null,
        timeZone: rest ? zone : null,
        exdates: keep ? series.exdates.filter((date) => date >= start).map(shift) : [],
      },
    });
    if (keep) {
      await moveOverrides(await tx.event.findMany({ where: { seriesId, originalStartsAt: { gte: start } } }), created.id);
      await carryToOverrides(tx, created.id, series, input);
    } else await tx.event.deleteMany({ where: { seriesId, originalStartsAt: { gte: start } } });
    return toDto(created);
  });
}

export async function deleteEvent(userId: string, id: string, input: EventDeleteInput): Promise<void> {
  const row = await findOwn(userId, id);
  if (!row.seriesId && !row.recurrence) {
    const deleted = await getDb().event.deleteMany({ where: { id, userId } });
    if (deleted.count === 0) throw new ApiError("NOT_FOUND");
    return;
  }
  const seriesId = row.seriesId ?? row.id;
  const scope = row.seriesId ? (input.scope ?? "this") : requireScope(input.scope);
  const start = row.seriesId ? (row.originalStartsAt ?? undefined) : input.occurrenceStart;
  await withSeries(userId, seriesId, async (tx, series) => {
    if (scope === "all" || (scope === "following" && start?.getTime() === series.startsAt.getTime())) {
      await tx.event.delete({ where: { id: series.id } });
      return;
    }
    if (!start) throw new ApiError("INVALID_INPUT", { occurrenceStart: "dateTimeInvalid" });
    occurrenceOf(series, start);
    if (scope === "this") {
      await tx.event.deleteMany({ where: { seriesId, originalStartsAt: start } });
      await tx.event.update({ where: { id: seriesId }, data: { exdates: { push: start } } });
      return;
    }
    const current = repeatOf(series);
    if (!current) throw new ApiError("NOT_FOUND");
    const zone = zoneOf(series);
    const ended = current.count !== null ? { ...current, count: occurrencesBefore(asSeries(series), start) } : { ...current, until: addDays(seriesDate(start, series.allDay, zone), -1), count: null };
    await tx.event.deleteMany({ where: { seriesId, originalStartsAt: { gte: start } } });
    await tx.event.update({ where: { id: seriesId }, data: { recurrence: ruleFor(ended, asSeries(series)), exdates: series.exdates.filter((date) => date < start) } });
  });
}
