import "server-only";
import { NextResponse } from "next/server";
import { clearAuthCookies, setAuthCookie, setDeviceCookie } from "@/lib/auth/cookies";
import type { IssuedSession } from "@/lib/auth/sessions";
import type { SocialOutcome } from "@/lib/auth/social-sign-in";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";

// The answer to a completed sign-in (second step or passkey): the session's cookies, and none of
// the in-between ones.
export function signedInResponse(session: IssuedSession, meta: RequestMeta): NextResponse {
  return withSessionCookies(NextResponse.json({ signedIn: true }, { headers: NO_STORE }), session, meta);
}

// The session's cookies on any answer (JSON, or the provider callback's redirect), and none of the
// in-between ones; the device cookie where the browser had none.
export function withSessionCookies(response: NextResponse, session: IssuedSession, meta: RequestMeta): NextResponse {
  const { APP_URL } = getEnv();
  clearAuthCookies(response, APP_URL, ["MFA", "ONBOARDING"]);
  setDeviceCookie(response, meta.device, APP_URL);
  return withTokenCookies(response, session);
}

// A refreshed session: the new pair, nothing else changes.
export function withTokenCookies(response: NextResponse, session: IssuedSession): NextResponse {
  const { APP_URL } = getEnv();
  setAuthCookie(response, "ACCESS", session.accessToken, APP_URL);
  setAuthCookie(response, "REFRESH", session.refreshToken, APP_URL, session.refreshExpiresAt);
  return response;
}

// A refresh token that no longer holds: its pair is of no use to the browser any more.
export function withoutTokenCookies(response: NextResponse): NextResponse {
  clearAuthCookies(response, getEnv().APP_URL, ["ACCESS", "REFRESH"]);
  return response;
}

// The answer to a finished onboarding or link: signed in, or on to the second step when the
// account has one. Either way the onboarding cookie is spent.
export function onboardingDoneResponse(outcome: SocialOutcome, meta: RequestMeta): NextResponse {
  if (outcome.kind === "session") return signedInResponse(outcome.session, meta);
  const { APP_URL } = getEnv();
  const response = NextResponse.json({ mfaRequired: true, method: "totp" }, { headers: NO_STORE });
  clearAuthCookies(response, APP_URL, ["ONBOARDING"]);
  if (outcome.kind === "mfa") pendingSecondStep(response, outcome.mfaToken, meta);
  return response;
}

// A sign-in waiting for its second step: the MFA cookie, and the device cookie the step will be
// recognised by (a device trusted there, or the one a mailed code was asked for).
export function pendingSecondStep(response: NextResponse, mfaToken: string, meta: RequestMeta): NextResponse {
  const { APP_URL } = getEnv();
  setAuthCookie(response, "MFA", mfaToken, APP_URL);
  setDeviceCookie(response, meta.device, APP_URL);
  return response;
}
