import { changePassword } from "@/lib/auth/password-changes";
import { json, route } from "@/lib/http/route";
import { changePasswordSchema } from "@/lib/validations/auth";

// Keeps this session; every other one ends.
export const POST = route({ auth: "user", recentProof: true, body: changePasswordSchema }, async ({ user, body, meta }) => {
  await changePassword(user.id, user.sessionId, body.currentPassword, body.newPassword, meta);
  return json({ changed: true });
});
