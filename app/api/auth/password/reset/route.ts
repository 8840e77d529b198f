import { clearAuthCookies } from "@/lib/auth/cookies";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { resetPassword } from "@/lib/auth/password-changes";
import { getEnv } from "@/lib/env";
import { json, route } from "@/lib/http/route";
import { resetPasswordSchema } from "@/lib/validations/auth";

// Sets a new password from a mailed link; every session of the account ends, this browser's too.
export const POST = route({ auth: "none", ipLimit: IP_LIMITS.mail, body: resetPasswordSchema }, async ({ body, meta }) => {
  await resetPassword(body.token, body.password, body.removeFactors ?? [], meta);
  const response = json({ reset: true });
  clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
