import { sendEmailCode } from "@/lib/auth/onboarding";
import { json, route } from "@/lib/http/route";
import { emailCodeRequestSchema } from "@/lib/validations/social";

// Mails a code to the address the user gives (or confirms) during onboarding.
export const POST = route({ auth: "onboarding", body: emailCodeRequestSchema }, async ({ pending, body }) => {
  await sendEmailCode(pending, body.email);
  return json({ sent: true }, 202);
});
