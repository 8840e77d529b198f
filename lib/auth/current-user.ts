import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getPublicUser, type PublicUser } from "@/lib/auth/accounts";
import { COOKIE } from "@/lib/auth/cookies";
import { verifyToken } from "@/lib/auth/tokens";

// For server components: the signed-in user, verified again here rather than trusted from the
// middleware; once per request however many layouts and pages ask.
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const result = await verifyToken((await cookies()).get(COOKIE.ACCESS)?.value, "ACCESS");
  return result.ok ? getPublicUser(result.claims.sub) : null;
});
