import { NextResponse, type NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { completeOnboarding, describePendingSignup, loadPendingSignup } from "@/lib/auth/onboarding";
import { onboardingDoneResponse } from "@/lib/auth/session-response";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { onboardingSchema } from "@/lib/validations/social";

// What the provider told us and what is still missing; only the ONBOARDING cookie opens it.
export const GET = withErrors(async (request: NextRequest) => {
  const pending = await loadPendingSignup(request.cookies.get(COOKIE.ONBOARDING)?.value);
  return NextResponse.json({ onboarding: await describePendingSignup(pending) }, { headers: NO_STORE });
});

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  const pending = await loadPendingSignup(request.cookies.get(COOKIE.ONBOARDING)?.value);
  const input = await parseJsonBody(request, onboardingSchema);
  return onboardingDoneResponse(await completeOnboarding(pending, input, (await getDictionary()).t.validation, requestMeta(request)));
});
