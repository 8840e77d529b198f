import { COOKIE } from "@/lib/auth/cookies";
import { completeMfa } from "@/lib/auth/mfa";
import { signedInResponse } from "@/lib/auth/session-response";
import { route } from "@/lib/http/route";
import { secondStepSchema } from "@/lib/validations/strong-auth";

// The second step of a sign-in: the pending MFA cookie plus a TOTP or recovery code.
export const POST = route({ auth: "none", body: secondStepSchema }, async ({ request, body, meta }) => signedInResponse(await completeMfa(request.cookies.get(COOKIE.MFA)?.value, body, meta), meta));
