import { clearAuthCookies, COOKIE } from "@/lib/auth/cookies";
import { abandonPendingSignIn } from "@/lib/auth/mfa";
import { getEnv } from "@/lib/env";
import { json, route } from "@/lib/http/route";

// "Use another account" at the second step of a sign-in: the pending sign-in is given up. Under
// /api/auth/2fa, the only path the pending cookie is sent to.
export const DELETE = route({ auth: "none" }, async ({ request }) => {
  await abandonPendingSignIn(request.cookies.get(COOKIE.MFA)?.value);
  const response = json({ abandoned: true });
  clearAuthCookies(response, getEnv().APP_URL, ["MFA"]);
  return response;
});
