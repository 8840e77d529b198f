import { enableTotp } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";
import { enableTotpSchema } from "@/lib/validations/strong-auth";

// Answers the recovery codes this once; only their hashes are kept.
export const POST = route({ auth: "user", recentProof: true, body: enableTotpSchema }, async ({ user, body, meta }) => json({ recoveryCodes: await enableTotp(user.id, body.code, meta) }));
