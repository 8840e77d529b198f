// Runs on the Edge runtime before every page and API request it matches. Stateless by design:
// it checks JWT signatures and claims with jose and routes; it never touches the database.
import { NextResponse, type NextRequest } from "next/server";
import { apiCredential, bearerChallenge, isPlannerApi } from "@/lib/auth/api-credentials";
import { COOKIE } from "@/lib/auth/cookies";
import { PAGE_PATH_HEADER, safeNextPath } from "@/lib/auth/redirects";
import { contentSecurityPolicy, pageSecurityHeaders } from "@/lib/auth/security-headers";
import { verifyToken } from "@/lib/auth/tokens";
import { appOrigins, originSettings } from "@/lib/http/app-origin";
import { ApiError, errorBody, ERRORS, NO_STORE, type ErrorCode } from "@/lib/errors";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

// Public API routes that authenticate by other means (credentials, a refresh or onboarding cookie,
// a mailed token) or not at all. Every other /api route needs an access token (checkApiCaller).
const PUBLIC_API = new Set([
  "/api/auth/signup",
  "/api/auth/login",
  "/api/auth/verify",
  "/api/auth/verify/resend",
  "/api/auth/token/refresh",
  "/api/auth/logout",
  "/api/auth/onboarding",
  "/api/auth/onboarding/email",
  "/api/auth/onboarding/email/verify",
  "/api/auth/onboarding/link",
  "/api/auth/oauth/csrf",
  "/api/auth/password/forgot",
  "/api/auth/password/reset",
  "/api/auth/password/reset/review",
  "/api/auth/secure-account",
  "/api/auth/email/confirm",
  "/api/auth/email/revert",
  "/api/auth/2fa/verify",
  "/api/auth/2fa/pending",
  "/api/auth/passkeys/login",
  "/api/auth/passkeys/login/options",
  "/api/health",
  "/api/ready",
  // Guarded by its own bearer token (METRICS_TOKEN), for scrapers that have no session.
  "/api/metrics",
  // Services authenticate with their own credentials (SERVICE_SECRETS, lib/auth/service-clients.ts).
  "/api/auth/introspect",
]);
// The provider round trip: starting it needs next-auth's CSRF token, finishing it the state cookie.
// The scheduler's jobs: every route there is built with auth "cron", the CRON_SECRET bearer check
// (tests/unit/routes.test.ts holds that).
// Calendar apps fetch a subscription by its secret URL alone (app/api/calendar/[token]).
// Company sign-in (lib/auth/sso/): its start takes an address, its answers prove themselves (the
// flow's state and browser cookie, the identity provider's signature).
const PUBLIC_API_PREFIXES = ["/api/auth/oauth/signin/", "/api/auth/oauth/callback/", "/api/cron/", "/api/calendar/", "/api/auth/sso/"];
const GUEST_ONLY_PAGES = new Set(["/", "/login", "/signup"]);

function under(pathname: string, root: string): boolean {
  return pathname === root || pathname.startsWith(`${root}/`);
}

function isProtectedPage(pathname: string): boolean {
  return under(pathname, "/dashboard") || under(pathname, "/admin");
}

// The same answer a handler gives for the code, in the same language, with a request id of its own
// (lib/http/handler.ts).
function refuse(request: NextRequest, code: ErrorCode, headers: Record<string, string> = {}): NextResponse {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return NextResponse.json(errorBody(new ApiError(code), locale), { status: ERRORS[code].status, headers: { ...NO_STORE, ...headers, "X-Request-Id": crypto.randomUUID() } });
}

// An API request past the public routes: an access token from the cookie or the Authorization
// header (never both), or a personal access token on the planner API, whose routes look it up in
// the database (this runs without one). The route checks every credential again, in full.
async function checkApiCaller(request: NextRequest, pathname: string): Promise<NextResponse> {
  const credential = apiCredential(request);
  if (credential.kind === "ambiguous") return refuse(request, "AMBIGUOUS_CREDENTIALS");
  if (credential.kind === "personal") return isPlannerApi(pathname) ? NextResponse.next() : refuse(request, "INSUFFICIENT_SCOPE", bearerChallenge("insufficient_scope"));
  const access = await verifyToken(credential.kind === "none" ? undefined : credential.token, "ACCESS");
  if (!access.ok) return refuse(request, "UNAUTHENTICATED", credential.kind === "bearer" ? bearerChallenge("invalid_token") : {});
  if (under(pathname, "/api/admin") && access.claims.role !== "ADMIN") return refuse(request, "FORBIDDEN");
  return NextResponse.next();
}

// Next decodes dynamic segments after this runs and answers a malformed escape ("%E0%A4%A") with a
// plain-text 500; refused here instead, as bad input.
function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function appOrigin(request: NextRequest): string {
  // Redirects are built from the configured origin, never from the Host header, which the client
  // controls; lib/env.ts refuses to start production without one.
  return appOrigins(originSettings())?.origin ?? request.nextUrl.origin;
}

function redirect(request: NextRequest, path: string): NextResponse {
  return NextResponse.redirect(new URL(path, appOrigin(request)), 307);
}

// Lets the page render, with a CSP nonce the page's scripts carry and the browser checks.
function renderPage(request: NextRequest): NextResponse {
  const https = appOrigin(request).startsWith("https:");
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  // The page asked for, for layouts that send the user elsewhere first and back here after
  // (lib/auth/current-user.ts). Always this middleware's own value, never the client's.
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(pageSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export async function middleware(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;

  if (pathname.startsWith("/api/")) {
    if (!isDecodable(pathname)) return refuse(request, "INVALID_INPUT");
    if (PUBLIC_API.has(pathname) || PUBLIC_API_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return NextResponse.next();
    return checkApiCaller(request, pathname);
  }

  const access = await verifyToken(request.cookies.get(COOKIE.ACCESS)?.value, "ACCESS");

  if (GUEST_ONLY_PAGES.has(pathname)) {
    if (!access.ok) return renderPage(request);
    // A company round trip of a signed-in user is a step-up: its failure is worded in settings.
    const ssoError = pathname === "/login" ? request.nextUrl.searchParams.get("sso_error") : null;
    if (ssoError && /^[A-Z_]{1,40}$/.test(ssoError)) return redirect(request, `/dashboard/settings?sso_error=${ssoError}`);
    return redirect(request, safeNextPath(request.nextUrl.searchParams.get("next")));
  }

  if (pathname === "/onboarding") {
    if (access.ok) return redirect(request, "/dashboard");
    const onboarding = await verifyToken(request.cookies.get(COOKIE.ONBOARDING)?.value, "ONBOARDING");
    if (onboarding.ok) return renderPage(request);
    // After 30 minutes the sign-up starts again from the provider; the login page says so.
    return redirect(request, onboarding.reason === "expired" ? "/login?oauth_error=expired" : "/login");
  }

  if (isProtectedPage(pathname) && !access.ok) {
    // The refresh cookie is not sent to pages; the refresh endpoint sees it and brings the user back.
    const next = safeNextPath(`${pathname}${search}`);
    return redirect(request, `/api/auth/token/refresh?next=${encodeURIComponent(next)}`);
  }

  // Signed-in users without the role never see admin pages; they are sent to their own.
  if (under(pathname, "/admin") && access.ok && access.claims.role !== "ADMIN") return redirect(request, "/dashboard");

  return renderPage(request);
}

export const config = {
  // Static assets and Next's own files never pass through the middleware, nor do the app shell's
  // files (the service worker, the manifest, its icons and the offline page), which are the same for
  // everyone and must load without a session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|icons/|sw.js|manifest.webmanifest|offline.html|robots.txt|fonts/).*)"],
};
