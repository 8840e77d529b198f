import { json, route } from "@/lib/http/route";
import { createEvent, listEvents } from "@/lib/planner/events";
import { eventCreateSchema, eventRangeSchema } from "@/lib/validations/planner";

export const GET = route({ auth: "user", pat: "planner:read", query: eventRangeSchema }, async ({ user, query }) => json({ events: await listEvents(user.id, query.from, query.to) }));

export const POST = route({ auth: "user", pat: "planner:write", body: eventCreateSchema }, async ({ user, body }) => json({ event: await createEvent(user.id, body) }, 201));
