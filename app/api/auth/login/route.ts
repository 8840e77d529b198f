import { logIn } from "@/lib/auth/accounts";
import { setAuthCookie } from "@/lib/auth/cookies";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { withSessionCookies } from "@/lib/auth/session-response";
import { getEnv } from "@/lib/env";
import { json, route } from "@/lib/http/route";
import { loginSchema } from "@/lib/validations/auth";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.login, body: loginSchema }, async ({ body, meta }) => {
  const result = await logIn(body.email, body.password, meta);
  if (result.kind === "mfa") {
    const response = json({ mfaRequired: true });
    setAuthCookie(response, "MFA", result.mfaToken, getEnv().APP_URL);
    return response;
  }
  return withSessionCookies(json({ user: result.user }), result.session);
});
