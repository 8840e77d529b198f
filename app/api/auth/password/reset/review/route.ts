import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { reviewReset } from "@/lib/auth/password-changes";
import { json, route } from "@/lib/http/route";
import { resetReviewSchema } from "@/lib/validations/auth";

// The ways in added in the last 30 days, for the reset page to offer removing; spends nothing.
export const POST = route({ auth: "none", ipLimit: IP_LIMITS.mail, body: resetReviewSchema }, async ({ body }) => json({ recentFactors: await reviewReset(body.token) }));
