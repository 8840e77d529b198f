import "server-only";
import type { NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { isSessionActive } from "@/lib/auth/sessions";
import { verifyToken, type TokenClaims, type TokenType } from "@/lib/auth/tokens";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";

// Handlers verify the token themselves: the middleware may be bypassed, misconfigured or not matched.
export async function requireToken(request: NextRequest, type: Extract<TokenType, "ACCESS" | "ONBOARDING">): Promise<TokenClaims> {
  const cookie = type === "ACCESS" ? COOKIE.ACCESS : COOKIE.ONBOARDING;
  const result = await verifyToken(request.cookies.get(cookie)?.value, type);
  if (!result.ok) throw new ApiError("UNAUTHENTICATED");
  // An access token outlives a revoked session by at most the session check's few seconds.
  if (type === "ACCESS" && !(result.claims.sid && (await isSessionActive(result.claims.sid)))) throw new ApiError("UNAUTHENTICATED");
  return result.claims;
}

// The signed-in user's id for a write: a valid access token and a same-site request.
export async function requireUserForWrite(request: NextRequest): Promise<string> {
  const claims = await requireToken(request, "ACCESS");
  assertSameOrigin(request, getEnv().APP_URL);
  return claims.sub;
}

export async function requireUser(request: NextRequest): Promise<string> {
  return (await requireToken(request, "ACCESS")).sub;
}

// Admin pages and APIs: the token's role is only a hint for routing; the database decides.
export async function requireAdmin(request: NextRequest, options: { write: boolean }): Promise<{ id: string; email: string }> {
  const claims = await requireToken(request, "ACCESS");
  if (options.write) assertSameOrigin(request, getEnv().APP_URL);
  const user = await getDb().user.findUnique({ where: { id: claims.sub }, select: { id: true, email: true, role: true } });
  if (!user || user.role !== "ADMIN") throw new ApiError("FORBIDDEN");
  return user;
}
