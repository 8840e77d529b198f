import { NextResponse, type NextRequest } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { resetPassword } from "@/lib/auth/passwords";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { resetPasswordSchema } from "@/lib/validations/auth";

// Sets a new password from a mailed link; every session of the account ends, this browser's too.
export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  await consumeIpLimit(request, IP_LIMITS.mail);
  const { token, password } = await parseJsonBody(request, resetPasswordSchema);
  await resetPassword(token, password, (await getDictionary()).t.validation, requestMeta(request));
  const response = NextResponse.json({ reset: true }, { headers: NO_STORE });
  clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
