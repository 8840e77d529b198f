import { mfaStatus } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";

export const GET = route({ auth: "user" }, async ({ user }) => json(await mfaStatus(user.id)));
