import { setPassword } from "@/lib/auth/password-changes";
import { json, route } from "@/lib/http/route";
import { setPasswordSchema } from "@/lib/validations/auth";

// A first password for an account that signed up with a provider; keeps this session, every other
// one ends. An account that has a password changes it at /api/auth/password/change.
export const POST = route({ auth: "user", recentProof: true, body: setPasswordSchema }, async ({ user, body, meta }) => {
  await setPassword(user.id, user.sessionId, body.newPassword, meta);
  return json({ set: true });
});
