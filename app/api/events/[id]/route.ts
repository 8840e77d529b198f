import { json, noContent, route } from "@/lib/http/route";
import { deleteEvent, updateEvent } from "@/lib/planner/events";
import { idParams } from "@/lib/validations/params";
import { eventDeleteSchema, eventUpdateSchema } from "@/lib/validations/planner";

export const PATCH = route({ auth: "user", pat: "planner:write", params: idParams, body: eventUpdateSchema }, async ({ user, params, body }) =>
  json({ event: await updateEvent(user.id, params.id, body) }),
);

// ?scope=this|following|all&occurrenceStart=… for an occurrence of a repeating event.
export const DELETE = route({ auth: "user", pat: "planner:write", params: idParams, query: eventDeleteSchema }, async ({ user, params, query }) => {
  await deleteEvent(user.id, params.id, query);
  return noContent();
});
