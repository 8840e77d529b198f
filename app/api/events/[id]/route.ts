import { json, noContent, route } from "@/lib/http/route";
import { deleteEvent, updateEvent } from "@/lib/planner/events";
import { idParams } from "@/lib/validations/params";
import { eventUpdateSchema } from "@/lib/validations/planner";

export const PATCH = route({ auth: "user", params: idParams, body: eventUpdateSchema }, async ({ user, params, body }) => json({ event: await updateEvent(user.id, params.id, body) }));

export const DELETE = route({ auth: "user", params: idParams }, async ({ user, params }) => {
  await deleteEvent(user.id, params.id);
  return noContent();
});
