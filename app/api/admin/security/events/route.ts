import { listSecurityEvents } from "@/lib/auth/admin";
import { json, route } from "@/lib/http/route";
import { eventFilterSchema } from "@/lib/validations/admin";

export const GET = route({ auth: "admin", query: eventFilterSchema }, async ({ query }) => json(await listSecurityEvents(query)));
