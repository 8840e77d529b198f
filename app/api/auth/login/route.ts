import { logIn } from "@/lib/auth/accounts";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { pendingSecondStep, withSessionCookies } from "@/lib/auth/session-response";
import { json, route } from "@/lib/http/route";
import { loginSchema } from "@/lib/validations/auth";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.login, body: loginSchema }, async ({ body, meta }) => {
  const result = await logIn(body.email, body.password, meta);
  if (result.kind === "mfa") return pendingSecondStep(json({ mfaRequired: true, method: result.method }), result.mfaToken, meta);
  return withSessionCookies(json({ user: result.user }), result.session, meta);
});
