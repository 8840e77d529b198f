import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getPublicUser, type PublicUser } from "@/lib/auth/accounts";
import { COOKIE } from "@/lib/auth/cookies";
import { PAGE_PATH_HEADER, safeNextPath } from "@/lib/auth/redirects";
import { adminStanding } from "@/lib/auth/guard";
import { isSessionActive } from "@/lib/auth/sessions";
import { verifyToken } from "@/lib/auth/tokens";
import { consentStatus } from "@/lib/privacy";

// For server components: the signed-in user, verified again here rather than trusted from the
// middleware; once per request however many layouts and pages ask.
const getCurrentSession = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const result = await verifyToken((await cookies()).get(COOKIE.ACCESS)?.value, "ACCESS");
  if (!result.ok || !result.claims.sid || !(await isSessionActive(result.claims.sid))) return null;
  return { userId: result.claims.sub, sessionId: result.claims.sid };
});

export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getCurrentSession();
  return session ? getPublicUser(session.userId) : null;
});

// For pages that show the user's sessions and devices, "this one" marked: after requireCurrentUser.
export async function requireCurrentSessionId(): Promise<string> {
  const session = await getCurrentSession();
  if (!session) throw new Error("requireCurrentSessionId needs a signed-in page");
  return session.sessionId;
}

// For protected pages: the user, or off through the refresh endpoint, which signs them back in or
// (for a revoked session, whose cookies the middleware still accepts) clears the cookies and shows
// the login page. Straight to /login would bounce back here while the old cookie is present.
export async function requireCurrentUser(path: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/api/auth/token/refresh?next=${encodeURIComponent(path)}`);
  // New terms or a new privacy policy are asked for before anything else (PIPA), then back to the
  // very page asked for (a layout knows only its own path).
  if ((await consentStatus(user.id)).outdated) redirect(`/consent?next=${encodeURIComponent(safeNextPath((await headers()).get(PAGE_PATH_HEADER) ?? path))}`);
  return user;
}

// For admin pages: signed in and, by the database's word, an administrator; others go to their own
// pages, and an administrator without a second factor to settings to add one.
export async function requireAdminUser(path: string): Promise<PublicUser> {
  const user = await requireCurrentUser(path);
  const standing = await adminStanding(user.id);
  if (!standing?.admin) redirect("/dashboard");
  if (!standing.secondFactor) redirect("/dashboard/settings?admin=second-factor");
  return user;
}
