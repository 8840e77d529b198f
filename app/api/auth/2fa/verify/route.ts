import type { NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { completeMfa } from "@/lib/auth/mfa";
import { signedInResponse } from "@/lib/auth/session-response";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { secondStepSchema } from "@/lib/validations/strong-auth";

// The second step of a sign-in: the pending MFA cookie plus a TOTP or recovery code.
export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  const input = await parseJsonBody(request, secondStepSchema);
  const session = await completeMfa(request.cookies.get(COOKIE.MFA)?.value, input, (await getDictionary()).t.validation, requestMeta(request));
  return signedInResponse(session);
});
