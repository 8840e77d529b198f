import { NextResponse } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { safeNextPath } from "@/lib/auth/redirects";
import { withoutTokenCookies, withTokenCookies } from "@/lib/auth/session-response";
import { rotateRefreshToken } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { ApiError, ERRORS, NO_STORE } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { asApiError } from "@/lib/http/handler";
import { json, route } from "@/lib/http/route";
import { apiErrorText } from "@/lib/i18n/api-errors";
import { getLocale } from "@/lib/i18n/server";
import { consumeRateLimit } from "@/lib/rate-limit";

// Used by the client's fetch wrapper when the API answers 401.
export const POST = route({ auth: "none", ipLimit: IP_LIMITS.refresh }, async ({ request, meta }) => {
  const result = await rotateRefreshToken(request.cookies.get(COOKIE.REFRESH)?.value, meta);
  if (!result.ok) return withoutTokenCookies(errorResponse(new ApiError("INVALID_REFRESH_TOKEN"), await getLocale()));
  return withTokenCookies(json({ refreshed: true }), result.session);
});

// Page navigations land here from the middleware when the access token is missing or expired: the
// refresh cookie is scoped to /api/auth, so only this path can see it. The browser is sent back to
// `next` signed in, or to the login page; it never sees JSON, not even when the database is away.
export const GET = route({ auth: "none" }, async ({ request, meta }) => {
  const { APP_URL } = getEnv();
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));
  try {
    if (meta.ip) await consumeRateLimit(IP_LIMITS.refresh, meta.ip);
    const result = await rotateRefreshToken(request.cookies.get(COOKIE.REFRESH)?.value, meta);
    if (!result.ok) return withoutTokenCookies(NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(next)}`, APP_URL), { status: 303, headers: NO_STORE }));
    return withTokenCookies(NextResponse.redirect(new URL(next, APP_URL), { status: 303, headers: NO_STORE }), result.session);
  } catch (error) {
    return tryAgainLater(asApiError(error, request.nextUrl.pathname));
  }
});

// Still a page, not JSON: a short one in the reader's language that loads this address again by
// itself after the wait (the one a 429 names, else a few seconds). The cookies stay as they are, so
// the session is not lost.
async function tryAgainLater(error: ApiError): Promise<Response> {
  const locale = await getLocale();
  const seconds = error.retryAfterSeconds ?? 5;
  const text = apiErrorText(locale, error.code, seconds);
  const page = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${seconds}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>TropiCal</title></head><body><p role="alert">${text}</p></body></html>`;
  return new Response(page, { status: ERRORS[error.code].status, headers: { ...NO_STORE, "Content-Type": "text/html; charset=utf-8", "Retry-After": String(seconds) } });
}
