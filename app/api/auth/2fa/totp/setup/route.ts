import { startTotpSetup } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";

// The secret is shown once, to its owner, for their authenticator app; it is stored encrypted.
export const POST = route({ auth: "user", recentProof: true }, async ({ user }) => json(await startTotpSetup(user.id)));
