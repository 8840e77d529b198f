import { securityStats } from "@/lib/auth/admin";
import { json, route } from "@/lib/http/route";

export const GET = route({ auth: "admin" }, async () => json(await securityStats()));
