import { listUsers } from "@/lib/auth/admin";
import { json, route } from "@/lib/http/route";
import { userFilterSchema } from "@/lib/validations/admin";

export const GET = route({ auth: "admin", query: userFilterSchema }, async ({ query }) => json(await listUsers(query)));
