// The one place that knows cookie names and attributes. Edge-safe: middleware.ts uses the names.
import type { NextResponse } from "next/server";
import { TOKEN_LIFETIME_SECONDS } from "@/lib/auth/tokens";

export const COOKIE = {
  ACCESS: "ACCESS_TOKEN",
  REFRESH: "REFRESH_TOKEN",
  ONBOARDING: "ONBOARDING_TOKEN",
  MFA: "MFA_TOKEN",
} as const;

// The browser's device id (lib/auth/devices.ts): random, long-lived, sent only to the auth API. It
// recognises a device across sign-ins, sign-outs and browser updates; it proves nothing by itself.
export const DEVICE_COOKIE = "DEVICE";
const DEVICE_COOKIE_DAYS = 400;

// Not an auth cookie: remembers that the user said "later" to the passkey offer (not HttpOnly).
export const PASSKEY_OFFER_COOKIE = "passkey_offer";

// The refresh token is sent only to the auth API, never with page or planner requests; the pending
// second-factor token only to the second-factor step.
export const REFRESH_COOKIE_PATH = "/api/auth";
export const MFA_COOKIE_PATH = "/api/auth/2fa";

type CookieKind = keyof typeof COOKIE;

function isSecure(appUrl: string): boolean {
  return new URL(appUrl).protocol === "https:";
}

function cookieOptions(kind: CookieKind, appUrl: string, maxAge: number) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isSecure(appUrl),
    path: kind === "REFRESH" ? REFRESH_COOKIE_PATH : kind === "MFA" ? MFA_COOKIE_PATH : "/",
    maxAge,
  };
}

export function setAuthCookie(response: NextResponse, kind: CookieKind, token: string, appUrl: string, expiresAt?: Date): void {
  // A rotated refresh token keeps its family's absolute end, so its cookie must not outlive it.
  const maxAge = expiresAt ? Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000)) : TOKEN_LIFETIME_SECONDS[kind];
  response.cookies.set(COOKIE[kind], token, cookieOptions(kind, appUrl, maxAge));
}

// The provider round trip's cookies (next-auth's CSRF token, state, PKCE verifier, nonce and callback
// URL, and TropiCal's intent for a signed-in user's round trip): sent only to the OAuth routes, and
// all cleared by the callback.
export const OAUTH_COOKIE_PATH = "/api/auth/oauth";
export const OAUTH_COOKIE = {
  session: "tropical.oauth.session",
  callback: "tropical.oauth.callback",
  csrf: "tropical.oauth.csrf",
  state: "tropical.oauth.state",
  pkce: "tropical.oauth.pkce",
  nonce: "tropical.oauth.nonce",
  intent: "tropical.oauth.intent",
} as const;

// Without maxAge a cookie lasts for the browser session (next-auth's CSRF token); 0 expires it.
export function oauthCookieOptions(appUrl: string, maxAge?: number) {
  return { httpOnly: true, sameSite: "lax" as const, path: OAUTH_COOKIE_PATH, secure: isSecure(appUrl), ...(maxAge === undefined ? {} : { maxAge }) };
}

export function clearOAuthCookies(response: NextResponse, appUrl: string): void {
  for (const name of Object.values(OAUTH_COOKIE)) response.cookies.set(name, "", oauthCookieOptions(appUrl, 0));
}

// Set on the sign-in answers when the browser had none (its id was made up for this request).
export function setDeviceCookie(response: NextResponse, device: { id: string; fresh: boolean }, appUrl: string): void {
  if (!device.fresh) return;
  response.cookies.set(DEVICE_COOKIE, device.id, { httpOnly: true, sameSite: "lax", secure: isSecure(appUrl), path: REFRESH_COOKIE_PATH, maxAge: DEVICE_COOKIE_DAYS * 86_400 });
}

export function clearAuthCookies(response: NextResponse, appUrl: string, kinds: CookieKind[] = ["ACCESS", "REFRESH", "ONBOARDING", "MFA"]): void {
  for (const kind of kinds) {
    response.cookies.set(COOKIE[kind], "", cookieOptions(kind, appUrl, 0));
  }
}
