import "server-only";
import { getDb } from "@/lib/db";
import { ownedOrNotFound } from "@/lib/planner/owned";
import { ApiError } from "@/lib/errors";
import type { Event } from "@/lib/generated/prisma/client";
import type { EventDto } from "@/lib/planner/types";
import { eventTimeProblems, type EventCreateInput, type EventUpdateInput } from "@/lib/validations/planner";

// More than a person can read in one view; the range is bounded too (see eventRangeSchema).
const MAX_EVENTS = 1000;

export function toDto(event: Event): EventDto {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    location: event.location,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    allDay: event.allDay,
    color: event.color,
  };
}

// Events overlapping [from, to): starting before its end and ending after its start.
export async function listEvents(userId: string, from: Date, to: Date): Promise<EventDto[]> {
  const events = await getDb().event.findMany({
    where: { userId, startsAt: { lt: to }, endsAt: { gt: from } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MAX_EVENTS,
  });
  return events.map(toDto);
}

export async function createEvent(userId: string, input: EventCreateInput): Promise<EventDto> {
  return toDto(await getDb().event.create({ data: { ...input, userId } }));
}

async function findOwn(userId: string, id: string): Promise<Event> {
  const event = await getDb().event.findFirst({ where: { id, userId } });
  if (!event) throw new ApiError("NOT_FOUND");
  return event;
}

export async function updateEvent(userId: string, id: string, input: EventUpdateInput): Promise<EventDto> {
  const current = await findOwn(userId, id);
  const merged = { startsAt: input.startsAt ?? current.startsAt, endsAt: input.endsAt ?? current.endsAt, allDay: input.allDay ?? current.allDay };
  const problems = eventTimeProblems(merged);
  if (Object.keys(problems).length) throw new ApiError("INVALID_INPUT", problems);
  return toDto(await ownedOrNotFound(getDb().event.update({ where: { id, userId }, data: input })));
}

export async function deleteEvent(userId: string, id: string): Promise<void> {
  const deleted = await getDb().event.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ApiError("NOT_FOUND");
}
