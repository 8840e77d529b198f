"use client";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { hasDates, toPayload, type EventFields } from "@/components/planner/event-form";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { EventDto } from "@/lib/planner/types";

// Fetched on the form's first focus, as the auth forms do: zod stays out of the page's first script.
// Without it (a chunk that failed to load) the server's check alone answers.
const eventCreateSchema = lazySchema(async () => (await import("@/lib/validations/planner")).eventCreateSchema);

// Sending an event form, the same from the quick-add popover and the full dialog: a new event is
// POSTed, a change to `id` PATCHed; `extra` is what the form adds beside the event's own fields
// (repeat, reminders, scope). Answers the saved event, or null with the errors in `fields`/`message`.
export function useEventSave(t: Sections<"apiErrors" | "common" | "validation">) {
  const submission = useSubmit(t);
  async function save(form: EventFields, timeZone: string, extra: object = {}, id?: string): Promise<EventDto | null> {
    if (!hasDates(form)) {
      submission.setFields({ startsAt: t.validation.dateInvalid });
      return null;
    }
    const json = { ...toPayload(form, timeZone), ...extra };
    const result = await submission.submit<{ event: EventDto }>(id ? `/api/events/${id}` : "/api/events", { schema: eventCreateSchema, json, method: id ? "PATCH" : "POST" });
    return result?.ok ? result.data.event : null;
  }
  return { ...submission, save, warm: eventCreateSchema.warm };
}
