import { NextResponse, type NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { loadPendingSignup, sendEmailCode } from "@/lib/auth/onboarding";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { emailCodeRequestSchema } from "@/lib/validations/social";

// Mails a code to the address the user gives (or confirms) during onboarding.
export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  const pending = await loadPendingSignup(request.cookies.get(COOKIE.ONBOARDING)?.value);
  const { email } = await parseJsonBody(request, emailCodeRequestSchema);
  await sendEmailCode(pending, email);
  return NextResponse.json({ sent: true }, { status: 202, headers: NO_STORE });
});
