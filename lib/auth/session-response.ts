import "server-only";
import { NextResponse } from "next/server";
import { clearAuthCookies, setAuthCookie } from "@/lib/auth/cookies";
import type { IssuedSession } from "@/lib/auth/sessions";
import type { SocialOutcome } from "@/lib/auth/social";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";

// The answer to a completed sign-in (second step or passkey): the session's cookies, and none of
// the in-between ones.
export function signedInResponse(session: IssuedSession): NextResponse {
  return withSessionCookies(NextResponse.json({ signedIn: true }, { headers: NO_STORE }), session);
}

// The session's cookies on any answer (JSON, or the provider callback's redirect), and none of the
// in-between ones.
export function withSessionCookies(response: NextResponse, session: IssuedSession): NextResponse {
  const { APP_URL } = getEnv();
  clearAuthCookies(response, APP_URL, ["MFA", "ONBOARDING"]);
  setAuthCookie(response, "ACCESS", session.accessToken, APP_URL);
  setAuthCookie(response, "REFRESH", session.refreshToken, APP_URL, session.refreshExpiresAt);
  return response;
}

// The answer to a finished onboarding or link: signed in, or on to the second step when the
// account has one. Either way the onboarding cookie is spent.
export function onboardingDoneResponse(outcome: SocialOutcome): NextResponse {
  if (outcome.kind === "session") return signedInResponse(outcome.session);
  const { APP_URL } = getEnv();
  const response = NextResponse.json({ mfaRequired: true }, { headers: NO_STORE });
  clearAuthCookies(response, APP_URL, ["ONBOARDING"]);
  if (outcome.kind === "mfa") setAuthCookie(response, "MFA", outcome.mfaToken, APP_URL);
  return response;
}
