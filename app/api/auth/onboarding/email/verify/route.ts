import { COOKIE } from "@/lib/auth/cookies";
import { describePendingSignup, loadPendingSignup, verifyEmailCode } from "@/lib/auth/onboarding";
import { json, route } from "@/lib/http/route";
import { emailCodeSchema } from "@/lib/validations/social";

export const POST = route({ auth: "onboarding", body: emailCodeSchema }, async ({ request, pending, body }) => {
  await verifyEmailCode(pending, body.code);
  // Read again: the code changed what the pending sign-up may do.
  return json({ onboarding: await describePendingSignup(await loadPendingSignup(request.cookies.get(COOKIE.ONBOARDING)?.value)) });
});
