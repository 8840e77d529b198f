import { NextResponse, type NextRequest } from "next/server";
import { logIn } from "@/lib/auth/accounts";
import { setAuthCookie } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { withSessionCookies } from "@/lib/auth/session-response";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { loginSchema } from "@/lib/validations/auth";

export const POST = withErrors(async (request: NextRequest) => {
  const { APP_URL } = getEnv();
  assertSameOrigin(request, APP_URL);
  await consumeIpLimit(request, IP_LIMITS.login);
  const { email, password } = await parseJsonBody(request, loginSchema);
  const result = await logIn(email, password, requestMeta(request));
  if (result.kind === "mfa") {
    const response = NextResponse.json({ mfaRequired: true }, { headers: NO_STORE });
    setAuthCookie(response, "MFA", result.mfaToken, APP_URL);
    return response;
  }
  return withSessionCookies(NextResponse.json({ user: result.user }, { headers: NO_STORE }), result.session);
});
