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

// Admin pages and APIs: the token's role is only a hint for routing; the database decides.
export async function requireAdmin(request: NextRequest): Promise<{ id: string; email: string; sessionId: string; role: "ADMIN" }> {
  const claims = await requireToken(request, "ACCESS");
  const user = await getDb().user.findUnique({ where: { id: claims.sub }, select: { id: true, email: true, role: true } });
  if (!user || user.role !== "ADMIN") throw new ApiError("FORBIDDEN");
  return { id: user.id, email: user.email, sessionId: claims.sid ?? "", role: "ADMIN" };
}
