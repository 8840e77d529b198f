import { regenerateRecoveryCodes } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";

// New codes replace every old one, used or not.
export const POST = route({ auth: "user", recentProof: true }, async ({ user, meta }) => json({ recoveryCodes: await regenerateRecoveryCodes(user.id, meta) }));
