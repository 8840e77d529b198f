import { listSessions } from "@/lib/auth/sessions";
import { json, route } from "@/lib/http/route";

export const GET = route({ auth: "user" }, async ({ user }) => json({ sessions: await listSessions(user.id, user.sessionId) }));
