import { json, route } from "@/lib/http/route";
import { searchPlanner } from "@/lib/planner/search";
import { searchQuerySchema } from "@/lib/validations/search";

export const GET = route({ auth: "user", pat: "planner:read", query: searchQuerySchema }, async ({ user, query }) => json(await searchPlanner(user.id, query.q)));
