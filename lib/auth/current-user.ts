import "server-only";
import { cookies } from "next/headers";
import { getPublicUser, type PublicUser } from "@/lib/auth/accounts";
import { COOKIE } from "@/lib/auth/cookies";
import { verifyToken } from "@/lib/auth/tokens";

// For server components: the signed-in user, verified again here rather than trusted from the middleware.
export async function getCurrentUser(): Promise<PublicUser | null> {
  const result = await verifyToken((await cookies()).get(COOKIE.ACCESS)?.value, "ACCESS");
  return result.ok ? getPublicUser(result.claims.sub) : null;
}
