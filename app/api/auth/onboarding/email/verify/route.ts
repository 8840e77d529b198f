import { NextResponse, type NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { describePendingSignup, loadPendingSignup, verifyEmailCode } from "@/lib/auth/onboarding";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { emailCodeSchema } from "@/lib/validations/social";

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  const token = request.cookies.get(COOKIE.ONBOARDING)?.value;
  const { code } = await parseJsonBody(request, emailCodeSchema);
  await verifyEmailCode(await loadPendingSignup(token), code, (await getDictionary()).t.validation);
  return NextResponse.json({ onboarding: await describePendingSignup(await loadPendingSignup(token)) }, { headers: NO_STORE });
});
