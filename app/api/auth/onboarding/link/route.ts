import { linkToExistingAccount } from "@/lib/auth/onboarding";
import { onboardingDoneResponse } from "@/lib/auth/session-response";
import { route } from "@/lib/http/route";
import { linkAccountSchema } from "@/lib/validations/social";

// Connects the provider identity to the account that already owns the verified address, with proof.
export const POST = route({ auth: "onboarding", body: linkAccountSchema }, async ({ pending, body, meta }) => onboardingDoneResponse(await linkToExistingAccount(pending, body.password, meta), meta));
