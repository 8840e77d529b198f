import "server-only";
import type { NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { isSessionActive } from "@/lib/auth/sessions";
import { verifyToken, type TokenClaims } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";

// Handlers verify the token themselves: the middleware may be bypassed, misconfigured or not matched.
export async function requireToken(request: NextRequest, type: "ACCESS"): Promise<TokenClaims> {
  const result = await verifyToken(request.cookies.get(COOKIE.ACCESS)?.value, type);
  if (!result.ok) throw new ApiError("UNAUTHENTICATED");
  // An access token outlives a revoked session by at most the session check's few seconds.
  if (!(result.claims.sid && (await isSessionActive(result.claims.sid)))) throw new ApiError("UNAUTHENTICATED");
  return result.claims;
}

// Whether a user may act as an administrator, by the database's word: the role, and a second
// factor (TOTP or a passkey), since an administrator's password alone is too much to lose.
export async function adminStanding(userId: string): Promise<{ email: string; admin: boolean; secondFactor: boolean } | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, role: true, totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  return user ? { email: user.email, admin: user.role === "ADMIN", secondFactor: user.totpEnabledAt !== null || user._count.passkeys > 0 } : null;
}

// Admin pages and APIs: the token's role is only a hint for routing; the database decides.
export async function requireAdmin(request: NextRequest): Promise<{ id: string; email: string; sessionId: string; role: "ADMIN" }> {
  const claims = await requireToken(request, "ACCESS");
  const standing = await adminStanding(claims.sub);
  if (!standing?.admin) throw new ApiError("FORBIDDEN");
  if (!standing.secondFactor) throw new ApiError("SECOND_FACTOR_REQUIRED");
  return { id: claims.sub, email: standing.email, sessionId: claims.sid ?? "", role: "ADMIN" };
}
