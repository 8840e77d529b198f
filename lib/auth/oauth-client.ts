import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import NextAuth, { type AuthOptions } from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { clearOAuthCookies, COOKIE, OAUTH_COOKIE, OAUTH_COOKIE_PATH, oauthCookieOptions, setAuthCookie } from "@/lib/auth/cookies";
import { identityFromProfile, nextAuthProviders, type ProviderIdentity } from "@/lib/auth/oauth-providers";
import { safeNextPath } from "@/lib/auth/redirects";
import { pendingSecondStep, withSessionCookies } from "@/lib/auth/session-response";
import { requestMeta, type RequestMeta } from "@/lib/http/request-meta";
import { isSessionActive } from "@/lib/auth/sessions";
import { completeProviderSignIn, type SocialOutcome } from "@/lib/auth/social-sign-in";
import { admitProviderCall, recordProviderFailure, recordProviderSuccess } from "@/lib/auth/provider-breaker";
import { proveWithProvider } from "@/lib/auth/step-up";
import { isSocialProvider, type SocialProvider } from "@/lib/auth/social-providers";
import { verifyToken } from "@/lib/auth/tokens";
import { getEnv } from "@/lib/env";
import { ApiError, NO_STORE } from "@/lib/errors";
import { log } from "@/lib/log";
import type { OAuthStartInput } from "@/lib/validations/social";

// next-auth (v4) is only the OAuth client here: it runs the redirect to the provider, the state,
// PKCE and nonce checks, the code exchange and the user-info call. Its own session cookie is never
// issued (the signIn callback always answers with a redirect of ours), so TropiCal's JWT cookies stay
// the one session.
// Where the signIn callback "redirects": never followed, it only tells a finished callback apart.
const CAPTURED = "/api/auth/oauth/captured";
// State and PKCE verifier live as long as a user may take at the provider's page.
const FLOW_SECONDS = 15 * 60;

export type OAuthFailure = "cancelled" | "failed" | "unavailable" | "already-linked" | "reauth-mismatch" | "disabled";

interface Capture {
  identity: ProviderIdentity | null;
  failure?: OAuthFailure;
}

function cookie(name: keyof typeof OAUTH_COOKIE, maxAge?: number) {
  return { name: OAUTH_COOKIE[name], options: oauthCookieOptions(getEnv().APP_URL, maxAge) };
}

// next-auth signs its CSRF token and encrypts its state cookies with this; derived, so a next-auth
// weakness could never yield the key that signs TropiCal's own tokens.
function derivedSecret(purpose: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(purpose).digest("base64url");
}

// Network trouble or a provider answering 5xx means "try later"; anything else (state, PKCE or
// nonce mismatch, a refused code) is a failed sign-in. Only the error's name and this class are
// logged: provider messages can quote state values and codes.
function classify(metadata: unknown): OAuthFailure {
  const text =
    metadata instanceof Error
      ? `${metadata.name} ${metadata.message}`
      : (JSON.stringify(metadata, (_key, value: unknown) => (value instanceof Error ? `${value.name} ${value.message}` : value)) ?? "");
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|fetch failed|timeout|timed out|expected 200 OK, got: 5\d\d|temporarily_unavailable|server_error/i.test(text) ? "unavailable" : "failed";
}

function authOptions(capture: Capture): AuthOptions {
  return {
    secret: derivedSecret("next-auth"),
    providers: nextAuthProviders(),
    session: { strategy: "jwt" },
    pages: { signIn: "/login", error: "/login" },
    cookies: {
      sessionToken: cookie("session"),
      callbackUrl: cookie("callback", FLOW_SECONDS),
      csrfToken: cookie("csrf"),
      pkceCodeVerifier: cookie("pkce", FLOW_SECONDS),
      state: cookie("state", FLOW_SECONDS),
      nonce: cookie("nonce", FLOW_SECONDS),
    },
    callbacks: {
      async signIn({ account, profile }) {
        const provider = account?.provider;
        capture.identity = isSocialProvider(provider) ? identityFromProfile(provider, profile) : null;
        if (!capture.identity) capture.failure = "failed";
        return CAPTURED;
      },
      // next-auth's own redirects stay on this site whatever callbackUrl a request names.
      async redirect({ url, baseUrl }) {
        return url.startsWith(`${baseUrl}/`) ? url : baseUrl;
      },
    },
    logger: {
      error(code, metadata) {
        capture.failure ??= classify(metadata);
        log("warn", "social sign-in failed", { code, failure: capture.failure, error: metadata instanceof Error ? metadata.name : undefined });
      },
      warn() {},
      debug() {},
    },
  };
}

async function runNextAuth(request: NextRequest, segments: string[], capture: Capture): Promise<Response> {
  // next-auth builds its callback URL from NEXTAUTH_URL only (never from the Host header).
  process.env.NEXTAUTH_URL = `${getEnv().APP_URL}${OAUTH_COOKIE_PATH}`;
  const handler = NextAuth(authOptions(capture)) as (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;
  return handler(request, { params: Promise.resolve({ nextauth: segments }) });
}

// Calls a sign-in makes to the provider at most: discovery, the token exchange, and the user info
// or the ID token's keys.
const PROVIDER_CALLS = 3;

// openid-client gives up on a call that has not begun to answer; one that answers and then stalls
// part-way is cut here, so that no sign-in waits on a provider for longer than its calls' share.
// Answers null when cut; what the run does after that is ignored.
async function withinDeadline(run: Promise<Response>): Promise<Response | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PROVIDER_CALLS * getEnv().PROVIDER_TIMEOUT_MS);
  });
  run.catch(() => {});
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function copySetCookies(from: Response, to: NextResponse): void {
  for (const value of from.headers.getSetCookie()) to.headers.append("Set-Cookie", value);
}

// GET /api/auth/oauth/csrf: next-auth's double-submit token, which starting a sign-in requires.
export async function oauthCsrfToken(request: NextRequest): Promise<Response> {
  const result = await runNextAuth(request, ["csrf"], { identity: null });
  const body: unknown = await result.json();
  const response = NextResponse.json(body, { headers: NO_STORE });
  copySetCookies(result, response);
  return response;
}

// A signed-in user's reason for a provider round trip: connecting the provider to their account, or
// proving it is them before a sensitive change (step-up, lib/auth/step-up.ts).
export interface FlowIntent {
  kind: "link" | "reauth";
  userId: string;
  sessionId: string;
}

// The intent cookie's proof: bound to the kind, provider, user and session that asked.
function intentProof(kind: FlowIntent["kind"], provider: SocialProvider, userId: string, sessionId: string): string {
  return createHmac("sha256", derivedSecret("oauth-intent")).update(`${kind}:${provider}:${userId}:${sessionId}`).digest("base64url");
}

// POST /api/auth/oauth/signin/{provider}: answers { url } of the provider's authorization page.
// With an intent (POST /api/auth/oauth/link|reauth/{provider}), a signed-in user connects the
// provider or proves it is them, instead of signing in; either way they come back to settings.
export async function startProviderSignIn(request: NextRequest, provider: SocialProvider, input: OAuthStartInput, intent: FlowIntent | null): Promise<NextResponse> {
  const { APP_URL } = getEnv();
  // An open breaker: the login page already says to use e-mail, and no sign-in is sent there.
  if (!(await admitProviderCall(provider))) return NextResponse.json({ url: failureLocation("unavailable", provider, intent !== null) }, { headers: NO_STORE });
  const next = intent ? "/dashboard/settings" : safeNextPath(input.next);
  const form = new URLSearchParams({ csrfToken: input.csrfToken, callbackUrl: `${APP_URL}${next}`, json: "true" });
  const inner = new NextRequest(request.url, { method: "POST", headers: { cookie: request.headers.get("cookie") ?? "", "content-type": "application/x-www-form-urlencoded" }, body: form.toString() });
  const capture: Capture = { identity: null };
  const result = await withinDeadline(runNextAuth(inner, ["signin", provider], capture));
  if (!result) {
    await recordProviderFailure(provider);
    return NextResponse.json({ url: failureLocation("unavailable", provider, intent !== null) }, { headers: NO_STORE });
  }
  const { url } = z.object({ url: z.string() }).parse(await result.json());
  // next-auth answers a refused CSRF token or an unreachable provider with a link to its sign-in page.
  const target = new URL(url, APP_URL);
  const failed = target.origin === new URL(APP_URL).origin;
  if (failed && capture.failure === "unavailable") await recordProviderFailure(provider);
  const response = NextResponse.json(failed ? { url: failureLocation(capture.failure ?? "failed", provider, intent !== null) } : { url }, { headers: NO_STORE });
  if (intent && !failed) {
    const value = `${intent.kind}.${provider}.${intentProof(intent.kind, provider, intent.userId, intent.sessionId)}`;
    response.cookies.set(OAUTH_COOKIE.intent, value, oauthCookieOptions(APP_URL, FLOW_SECONDS));
  }
  // Appended last: setting a cookie through response.cookies rewrites the header from its own list.
  copySetCookies(result, response);
  return response;
}

function failureLocation(failure: OAuthFailure, provider: SocialProvider, fromSettings: boolean): string {
  const query = `oauth_error=${failure}&provider=${provider}`;
  return fromSettings ? `/dashboard/settings?${query}` : `/login?${query}`;
}

// The intent this callback finishes, if the request still carries both the session that asked (alive:
// "sign out everywhere" ends a flow in progress) and the intent cookie made for it; "refused" when
// it carries an intent cookie that does not hold; null for a plain sign-in.
async function flowIntent(request: NextRequest, provider: SocialProvider): Promise<FlowIntent | "refused" | null> {
  const cookie = request.cookies.get(OAUTH_COOKIE.intent)?.value;
  if (!cookie) return null;
  const [kind, named, proof = ""] = cookie.split(".");
  if ((kind !== "link" && kind !== "reauth") || named !== provider) return "refused";
  const access = await verifyToken(request.cookies.get(COOKIE.ACCESS)?.value, "ACCESS");
  if (!access.ok || !access.claims.sid || !(await isSessionActive(access.claims.sid))) return "refused";
  const expected = Buffer.from(intentProof(kind, provider, access.claims.sub, access.claims.sid));
  const given = Buffer.from(proof);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "refused";
  return { kind, userId: access.claims.sub, sessionId: access.claims.sid };
}

function callbackNext(request: NextRequest): string {
  const value = request.cookies.get(OAUTH_COOKIE.callback)?.value;
  if (!value) return "/dashboard";
  try {
    const url = new URL(value);
    return url.origin === new URL(getEnv().APP_URL).origin ? safeNextPath(`${url.pathname}${url.search}`) : "/dashboard";
  } catch {
    return "/dashboard";
  }
}

function redirectTo(path: string): NextResponse {
  const response = NextResponse.redirect(new URL(path, getEnv().APP_URL), 303);
  response.headers.set("Cache-Control", "no-store");
  // The callback URL carries the authorization code: it must not leak to the next page's requests.
  response.headers.set("Referrer-Policy", "no-referrer");
  return response;
}

function outcomeResponse(outcome: SocialOutcome, provider: SocialProvider, next: string, meta: RequestMeta): NextResponse {
  const { APP_URL } = getEnv();
  switch (outcome.kind) {
    case "session":
      return withSessionCookies(redirectTo(next), outcome.session, meta);
    case "mfa": {
      return pendingSecondStep(redirectTo(`/login?step=2fa&next=${encodeURIComponent(next)}`), outcome.mfaToken, meta);
    }
    case "onboarding": {
      const response = redirectTo("/onboarding");
      setAuthCookie(response, "ONBOARDING", outcome.onboardingToken, APP_URL, outcome.expiresAt);
      return response;
    }
    case "linked":
      return redirectTo(`/dashboard/settings?linked=${provider}`);
    case "already-linked":
      return redirectTo(failureLocation("already-linked", provider, true));
  }
}

// GET /api/auth/oauth/callback/{provider}: where the provider sends the browser back. Every way out
// clears the flow's cookies, so a replayed callback finds no state to match and is refused.
export async function finishProviderCallback(request: NextRequest, provider: SocialProvider): Promise<NextResponse> {
  const capture: Capture = { identity: null };
  // Its own Set-Cookie headers only expire the flow's cookies, which this response expires anyway.
  const finished = (await withinDeadline(runNextAuth(request, ["callback", provider], capture))) !== null;
  const identity = finished ? capture.identity : null;
  const failure = finished ? capture.failure : "unavailable";
  // An error named in the callback's own URL is the browser's word, which anyone can write: only
  // this server's own calls to the provider count against its breaker.
  if (identity) await recordProviderSuccess(provider);
  else if (failure === "unavailable" && !request.nextUrl.searchParams.has("error")) await recordProviderFailure(provider);
  const intent = await flowIntent(request, provider);
  const meta = requestMeta(request);
  let response: NextResponse;
  if (intent === "refused") {
    // Asked for by a session that has ended since (or by another user): nothing is linked or
    // proven, and the identity is not taken for a sign-in either.
    response = redirectTo(failureLocation("failed", provider, true));
  } else if (identity) {
    try {
      if (intent?.kind === "reauth") {
        const proven = await proveWithProvider(intent.userId, intent.sessionId, identity, meta);
        response = redirectTo(proven ? "/dashboard/settings?reauth=done" : failureLocation("reauth-mismatch", provider, true));
      } else {
        response = outcomeResponse(await completeProviderSignIn(identity, meta, intent?.userId ?? null), provider, callbackNext(request), meta);
      }
    } catch (error) {
      // A browser navigation: an error page of JSON would strand the user, the login page does not.
      if (error instanceof ApiError && error.code === "ACCOUNT_DISABLED") {
        response = redirectTo(failureLocation("disabled", provider, false));
      } else if (error instanceof ApiError && error.code === "SSO_REQUIRED") {
        // Worded on the login page as the password's refusal is: use the company sign-in.
        response = redirectTo("/login?sso_error=SSO_REQUIRED");
      } else {
        log("error", "social sign-in could not be completed", { provider, error: error instanceof Error ? error.stack : String(error) });
        response = redirectTo(failureLocation("unavailable", provider, intent !== null));
      }
    }
  } else {
    const cancelled = request.nextUrl.searchParams.get("error") === "access_denied";
    response = redirectTo(failureLocation(cancelled ? "cancelled" : (failure ?? "failed"), provider, intent !== null));
  }
  clearOAuthCookies(response, getEnv().APP_URL);
  return response;
}
