import { listActivity } from "@/lib/auth/security-events";
import { json, route } from "@/lib/http/route";

export const GET = route({ auth: "user" }, async ({ user }) => json({ events: await listActivity(user.id) }));
