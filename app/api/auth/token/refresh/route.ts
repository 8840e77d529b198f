import { NextResponse } from "next/server";
import { clearAuthCookies, COOKIE, setAuthCookie } from "@/lib/auth/cookies";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { safeNextPath } from "@/lib/auth/redirects";
import { rotateRefreshToken } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { ApiError, NO_STORE } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { json, route } from "@/lib/http/route";
import { format } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";
import { consumeRateLimit } from "@/lib/rate-limit";

// Used by the client's fetch wrapper when the API answers 401.
export const POST = route({ auth: "none", ipLimit: IP_LIMITS.refresh }, async ({ request, meta }) => {
  const { APP_URL } = getEnv();
  const result = await rotateRefreshToken(request.cookies.get(COOKIE.REFRESH)?.value, meta);
  if (!result.ok) {
    const response = errorResponse(new ApiError("INVALID_REFRESH_TOKEN"));
    clearAuthCookies(response, APP_URL, ["ACCESS", "REFRESH"]);
    return response;
  }
  const response = json({ refreshed: true });
  setAuthCookie(response, "ACCESS", result.session.accessToken, APP_URL);
  setAuthCookie(response, "REFRESH", result.session.refreshToken, APP_URL, result.session.refreshExpiresAt);
  return response;
});

// Page navigations land here from the middleware when the access token is missing or expired: the
// refresh cookie is scoped to /api/auth, so only this path can see it. The browser is sent back to
// `next` signed in, or to the login page; it never sees JSON.
export const GET = route({ auth: "none" }, async ({ request, meta }) => {
  const { APP_URL } = getEnv();
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));
  try {
    if (meta.ip) await consumeRateLimit(IP_LIMITS.refresh, meta.ip);
  } catch (error) {
    if (error instanceof ApiError && error.code === "RATE_LIMITED") return tryAgainLater(error.retryAfterSeconds ?? 60);
    throw error;
  }
  const result = await rotateRefreshToken(request.cookies.get(COOKIE.REFRESH)?.value, meta);
  if (!result.ok) {
    const response = NextResponse.redirect(new URL(`/login?next=${encodeURIComponent(next)}`, APP_URL), { status: 303, headers: NO_STORE });
    clearAuthCookies(response, APP_URL, ["ACCESS", "REFRESH"]);
    return response;
  }
  const response = NextResponse.redirect(new URL(next, APP_URL), { status: 303, headers: NO_STORE });
  setAuthCookie(response, "ACCESS", result.session.accessToken, APP_URL);
  setAuthCookie(response, "REFRESH", result.session.refreshToken, APP_URL, result.session.refreshExpiresAt);
  return response;
});

// Still a page, not JSON: a short one in the reader's language that loads this address again by
// itself once the wait is over. The cookies stay as they are, so the session is not lost.
async function tryAgainLater(seconds: number): Promise<Response> {
  const { locale, t } = await getDictionary();
  const text = format(t.apiErrors.RATE_LIMITED, { seconds });
  const page = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${seconds}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>TropiCal</title></head><body><p role="alert">${text}</p></body></html>`;
  return new Response(page, { status: 429, headers: { ...NO_STORE, "Content-Type": "text/html; charset=utf-8", "Retry-After": String(seconds) } });
}
