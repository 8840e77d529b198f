import { completeOnboarding, describePendingSignup } from "@/lib/auth/onboarding";
import { onboardingDoneResponse } from "@/lib/auth/session-response";
import { json, route } from "@/lib/http/route";
import { onboardingSchema } from "@/lib/validations/social";

// What the provider told us and what is still missing; only the ONBOARDING cookie opens it.
export const GET = route({ auth: "onboarding" }, async ({ pending }) => json({ onboarding: await describePendingSignup(pending) }));

export const POST = route({ auth: "onboarding", body: onboardingSchema }, async ({ pending, body, meta }) => onboardingDoneResponse(await completeOnboarding(pending, body, meta), meta));
