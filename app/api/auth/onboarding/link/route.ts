import type { NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { linkToExistingAccount, loadPendingSignup } from "@/lib/auth/onboarding";
import { onboardingDoneResponse } from "@/lib/auth/session-response";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { linkAccountSchema } from "@/lib/validations/social";

// Connects the provider identity to the account that already owns the verified address, with proof.
export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  const pending = await loadPendingSignup(request.cookies.get(COOKIE.ONBOARDING)?.value);
  const { password } = await parseJsonBody(request, linkAccountSchema);
  return onboardingDoneResponse(await linkToExistingAccount(pending, password, (await getDictionary()).t.validation, requestMeta(request)));
});
