import { requestEmailChange } from "@/lib/auth/email-change";
import { json, route } from "@/lib/http/route";
import { emailChangeSchema } from "@/lib/validations/auth";

// Mails a link to the new address; nothing changes until it is used. The same answer whether or not
// that address has an account.
export const POST = route({ auth: "user", recentProof: true, body: emailChangeSchema }, async ({ user, body }) => {
  await requestEmailChange(user, body.email);
  return json({ sent: true }, 202);
});
