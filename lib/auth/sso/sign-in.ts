import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError, type ErrorCode } from "@/lib/errors";
import type { SsoConnection, SsoDomain } from "@/lib/generated/prisma/client";
import { setAuthCookie } from "@/lib/auth/cookies";
import { safeNextPath } from "@/lib/auth/redirects";
import { pendingSecondStep, withSessionCookies } from "@/lib/auth/session-response";
import { beginOnboarding, signInLinkedUser, type SocialOutcome } from "@/lib/auth/social-sign-in";
import { connectionForEmail, isInProvenDomain } from "@/lib/auth/sso/connections";
import type { FlowPurpose } from "@/lib/auth/sso/flows";
import { startOidcSignIn } from "@/lib/auth/sso/oidc";
import { startSamlConnectionSignIn } from "@/lib/auth/sso/saml-sign-in";
import { proveWithCompany } from "@/lib/auth/step-up";
import { requestMeta, type RequestMeta } from "@/lib/http/request-meta";
import { log } from "@/lib/log";

// Company sign-in, whatever the protocol: the start finds the connection by the address's proven
// domain and hands over to the protocol; the protocol's answer (OIDC callback, SAML ACS) proves an
// identity, and completeSsoSignIn turns it into TropiCal's own session or an onboarding, exactly as
// a social provider's identity would (lib/auth/social-sign-in.ts).

// Who the identity provider says signed in: its stable subject (OIDC sub, SAML NameID) and the
// address and name it gives.
export interface SsoIdentity {
  subject: string;
  email?: string;
  name?: string;
}

// Where to send the browser, and the cookie binding the flow to it.
export interface SsoStart {
  url: string;
  bind: (response: NextResponse) => void;
}

// What a protocol's answer proved, and where the user was going (or the session it proves).
export interface SsoAnswer {
  connection: SsoConnection & { domains: SsoDomain[] };
  identity: SsoIdentity;
  next: string;
  proofSessionId: string | null;
}

// POST /api/auth/sso/start. The one answer for every address without a usable connection (no
// connection, an unproven domain, a disabled one): SSO_NOT_AVAILABLE, revealing no more than the
// button must.
export async function startSsoSignIn(request: NextRequest, email: string, next: string | undefined): Promise<SsoStart> {
  const connection = await connectionForEmail(email);
  if (!connection) throw new ApiError("SSO_NOT_AVAILABLE");
  return startRoundTrip(request, connection, email, { next: safeNextPath(next) });
}

// The connection's protocol takes it from here; `email` is OIDC's login hint.
function startRoundTrip(request: NextRequest, connection: SsoConnection, email: string, purpose: FlowPurpose): Promise<SsoStart> {
  switch (connection.protocol) {
    case "OIDC":
      return startOidcSignIn(request, connection, email, purpose);
    case "SAML":
      return startSamlConnectionSignIn(request, connection, purpose);
  }
}

// A step-up round trip comes back to settings, which says whether it proved the session.
const PROOF_LANDING = "/dashboard/settings";

// POST /api/auth/reauth/company: the step-up of an account that signs in with its company (after
// startProviderProof's checks): a round trip to the connection it last came in by, which proves
// this session instead of signing in, and lands on settings.
export async function startSsoProof(request: NextRequest, userId: string, sessionId: string): Promise<SsoStart> {
  const account = await getDb().account.findFirst({
    where: { userId, provider: "SSO", ssoConnection: { enabled: true } },
    orderBy: { lastUsedAt: { sort: "desc", nulls: "last" } },
    include: { ssoConnection: true },
  });
  const connection = account?.ssoConnection;
  if (!account || !connection) throw new ApiError("SSO_NOT_AVAILABLE");
  return startRoundTrip(request, connection, account.email ?? "", { next: PROOF_LANDING, proofSessionId: sessionId });
}

// The link is "<connection id>:<subject>", so equal subjects of two companies never meet.
function providerAccountId(connection: SsoConnection, subject: string): string {
  return `${connection.id}:${subject}`;
}

// A known identity signs in (its second factor still applies); an unknown one goes through
// onboarding (consents, nickname, and proof before an existing account at its address is linked).
// Its address counts as verified only inside the connection's own proven domains.
export async function completeSsoSignIn(connection: SsoConnection & { domains: SsoDomain[] }, identity: SsoIdentity, meta: RequestMeta): Promise<SocialOutcome> {
  const db = getDb();
  const id = providerAccountId(connection, identity.subject);
  const known = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: "SSO", providerAccountId: id } },
    include: { user: { select: { id: true, email: true, role: true, totpEnabledAt: true, passwordHash: true, disabledAt: true } } },
  });
  if (known) {
    await db.account.update({ where: { id: known.id }, data: { lastUsedAt: new Date(), email: identity.email ?? known.email } });
    return signInLinkedUser(known.user, "SSO", meta);
  }
  return beginOnboarding({
    provider: "SSO",
    providerAccountId: id,
    ssoConnectionId: connection.id,
    name: identity.name,
    email: identity.email,
    emailVerified: isInProvenDomain(connection, identity.email),
  });
}

function redirectTo(path: string): NextResponse {
  const response = NextResponse.redirect(new URL(path, getEnv().APP_URL), 303);
  response.headers.set("Cache-Control", "no-store");
  // The answer's URL or body carries a code or an assertion: it must not leak to the next page.
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}

// The login page words these (?sso_error=CODE): SAML's say which check the IdP's answer failed. A
// step-up's round trip fails the same way, and the middleware sends a signed-in user on to settings
// with the code, which words it there.
const LOGIN_ERRORS = new Set<ErrorCode>([
  "SSO_CANCELLED",
  "SSO_FAILED",
  "SSO_EXPIRED",
  "SSO_UNAVAILABLE",
  "SSO_NOT_AVAILABLE",
  "ACCOUNT_DISABLED",
  "SSO_REQUIRED",
  "SSO_PROOF_MISMATCH",
  "SAML_SIGNATURE_INVALID",
  "SAML_WRONG_AUDIENCE",
  "SAML_EXPIRED",
  "SAML_REPLAYED",
  "SAML_UNSOLICITED",
  "SAML_WRONG_ISSUER",
  "SAML_CANCELLED",
  "SAML_IDP_ERROR",
  "SAML_RESPONSE_INVALID",
]);

export function isSsoLoginError(value: unknown): value is ErrorCode {
  return typeof value === "string" && LOGIN_ERRORS.has(value as ErrorCode);
}

function failureRedirect(error: unknown): NextResponse {
  const code = error instanceof ApiError ? error.code : "SSO_FAILED";
  if (!(error instanceof ApiError)) log("error", "company sign-in could not be completed", { error: error instanceof Error ? error.stack : String(error) });
  return redirectTo(`/login?sso_error=${LOGIN_ERRORS.has(code) ? code : "SSO_FAILED"}`);
}

// Every protocol's answer ends here: a browser navigation, so each outcome and each failure is a
// redirect (the dashboard, the second step, onboarding, or the login page with its error).
export async function finishSsoCallback(request: NextRequest, answer: (request: NextRequest) => Promise<SsoAnswer>): Promise<NextResponse> {
  const meta = requestMeta(request);
  try {
    const { connection, identity, next, proofSessionId } = await answer(request);
    if (proofSessionId) {
      const proven = await proveWithCompany(proofSessionId, providerAccountId(connection, identity.subject), meta);
      return redirectTo(proven ? `${PROOF_LANDING}?reauth=done` : `${PROOF_LANDING}?sso_error=SSO_PROOF_MISMATCH`);
    }
    const outcome = await completeSsoSignIn(connection, identity, meta);
    return outcomeResponse(outcome, next, meta);
  } catch (error) {
    return failureRedirect(error);
  }
}

// A step of an answer that is not yet its end (SAML's ACS): a redirect to the path it names, or the
// login page with its error.
export async function continueSsoAnswer(step: () => Promise<string>): Promise<NextResponse> {
  try {
    return redirectTo(await step());
  } catch (error) {
    return failureRedirect(error);
  }
}

function outcomeResponse(outcome: SocialOutcome, next: string, meta: RequestMeta): NextResponse {
  switch (outcome.kind) {
    case "session":
      return withSessionCookies(redirectTo(next), outcome.session, meta);
    case "mfa":
      return pendingSecondStep(redirectTo(`/login?step=2fa&next=${encodeURIComponent(next)}`), outcome.mfaToken, meta);
    case "onboarding": {
      const response = redirectTo("/onboarding");
      setAuthCookie(response, "ONBOARDING", outcome.onboardingToken, getEnv().APP_URL, outcome.expiresAt);
      return response;
    }
    case "linked":
    case "already-linked":
      // Only settings' "connect" makes these, and company sign-in is never started from there.
      return redirectTo("/login?sso_error=SSO_FAILED");
  }
}
