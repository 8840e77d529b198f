import "server-only";
import type { NextRequest } from "next/server";
import { apiCredential, bearerChallenge, type ApiCredential } from "@/lib/auth/api-credentials";
import type { PersonalTokenScope } from "@/lib/validations/personal-token-rules";
import { requirePersonalToken, type PersonalTokenOwner } from "@/lib/auth/personal-tokens";
import { isSessionActive } from "@/lib/auth/sessions";
import { verifyToken, type TokenClaims } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";

// Who called an API route, checked in full. `via` says which credential: the cookie the browser
// sends by itself (the one a cross-site request can carry, so only it needs the same-origin check),
// an access token the caller put in the Authorization header, or a personal access token.
export type SessionCaller = { via: "cookie" | "bearer"; claims: TokenClaims };
export type ApiCaller = SessionCaller | { via: "personal-token"; owner: PersonalTokenOwner };

export interface CallerRules {
  // Only the browser's session cookie, not an access token in a header.
  cookieOnly?: true;
}

// Handlers verify the credential themselves: the middleware may be bypassed, misconfigured or not
// matched. A session's access token, from the cookie or the header but never both at once (which
// one the caller meant is not guessed); a personal access token is refused.
export function requireSession(request: NextRequest, rules: CallerRules = {}): Promise<SessionCaller> {
  return sessionOf(apiCredential(request), rules);
}

// The same, or a personal access token holding `pat` where the route takes one.
export async function requireCaller(request: NextRequest, rules: CallerRules & { pat?: PersonalTokenScope }): Promise<ApiCaller> {
  const credential = apiCredential(request);
  if (credential.kind === "personal" && rules.pat) return { via: "personal-token", owner: await requirePersonalToken(credential.token, rules.pat) };
  return sessionOf(credential, rules);
}

async function sessionOf(credential: ApiCredential, rules: CallerRules): Promise<SessionCaller> {
  switch (credential.kind) {
    case "ambiguous":
      throw new ApiError("AMBIGUOUS_CREDENTIALS");
    case "personal":
      throw new ApiError("INSUFFICIENT_SCOPE", undefined, undefined, bearerChallenge("insufficient_scope"));
    case "bearer":
      if (rules.cookieOnly) throw new ApiError("INSUFFICIENT_SCOPE", undefined, undefined, bearerChallenge("insufficient_scope"));
      return { via: "bearer", claims: await requireLiveAccessToken(credential.token, bearerChallenge("invalid_token")) };
    case "cookie":
      return { via: "cookie", claims: await requireLiveAccessToken(credential.token) };
    case "none":
      throw new ApiError("UNAUTHENTICATED");
  }
}

// The same check for the cookie's token and the header's: signature and claims, then the session.
async function requireLiveAccessToken(token: string, challenge?: Record<string, string>): Promise<TokenClaims> {
  const result = await verifyToken(token, "ACCESS");
  if (!result.ok) throw new ApiError("UNAUTHENTICATED", undefined, undefined, challenge);
  // An access token outlives a revoked session by at most the session check's few seconds.
  if (!(result.claims.sid && (await isSessionActive(result.claims.sid)))) throw new ApiError("UNAUTHENTICATED", undefined, undefined, challenge);
  return result.claims;
}

// Whether a user may act as an administrator, by the database's word: the role, and a second
// factor (TOTP or a passkey), since an administrator's password alone is too much to lose.
export async function adminStanding(userId: string): Promise<{ email: string; admin: boolean; secondFactor: boolean } | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, role: true, totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  return user ? { email: user.email, admin: user.role === "ADMIN", secondFactor: user.totpEnabledAt !== null || user._count.passkeys > 0 } : null;
}

// Admin pages and APIs: the token's role is only a hint for routing; the database decides.
export async function requireAdmin(claims: TokenClaims): Promise<{ id: string; email: string; sessionId: string; role: "ADMIN" }> {
  const standing = await adminStanding(claims.sub);
  if (!standing?.admin) throw new ApiError("FORBIDDEN");
  if (!standing.secondFactor) throw new ApiError("SECOND_FACTOR_REQUIRED");
  return { id: claims.sub, email: standing.email, sessionId: claims.sid ?? "", role: "ADMIN" };
}
