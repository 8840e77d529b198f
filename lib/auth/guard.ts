import "server-only";
import type { NextRequest } from "next/server";
import { COOKIE } from "@/lib/auth/cookies";
import { verifyToken, type TokenClaims, type TokenType } from "@/lib/auth/tokens";
import { ApiError } from "@/lib/errors";

// Handlers verify the token themselves: the middleware may be bypassed, misconfigured or not matched.
export async function requireToken(request: NextRequest, type: Extract<TokenType, "ACCESS" | "ONBOARDING">): Promise<TokenClaims> {
  const cookie = type === "ACCESS" ? COOKIE.ACCESS : COOKIE.ONBOARDING;
  const result = await verifyToken(request.cookies.get(cookie)?.value, type);
  if (!result.ok) throw new ApiError("UNAUTHENTICATED");
  return result.claims;
}
