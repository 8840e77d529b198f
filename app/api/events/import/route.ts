import { json, route } from "@/lib/http/route";
import { importCalendar, MAX_CALENDAR_ROWS } from "@/lib/planner/calendar-file";
import { icsImportQuerySchema, icsImportSchema, MAX_ICS_CHARS } from "@/lib/validations/planner";

// An .ics file's events, read and checked; ?dryRun=1 answers what would happen without writing.
export const POST = route(
  {
    auth: "user",
    pat: "planner:write",
    body: icsImportSchema,
    query: icsImportQuerySchema,
    // JSON escaping of line breaks and quotes makes the body up to twice the file.
    maxBodyBytes: 2 * MAX_ICS_CHARS + 1024,
    ipLimit: { name: "events-import", max: 60, windowSeconds: 3600 },
  },
  async ({ user, body, query }) => json(await importCalendar(user.id, body.ics, { dryRun: query.dryRun === "1", maxEvents: MAX_CALENDAR_ROWS })),
);
