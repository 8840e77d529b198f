import { listAuditLog } from "@/lib/auth/admin";
import { json, route } from "@/lib/http/route";
import { auditFilterSchema } from "@/lib/validations/admin";

export const GET = route({ auth: "admin", query: auditFilterSchema }, async ({ query }) => json(await listAuditLog(query)));
