import { cancelTotpSetup, startTotpSetup } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";

// The secret is shown once, to its owner, for their authenticator app; it is stored encrypted.
export const POST = route({ auth: "user", recentProof: true }, async ({ user }) => json(await startTotpSetup(user.id)));

// Cancelling the setup only takes a way in that never worked: no recent proof is needed.
export const DELETE = route({ auth: "user" }, async ({ user }) => {
  await cancelTotpSetup(user.id);
  return json({ cancelled: true });
});
