import { clearAuthCookies } from "@/lib/auth/cookies";
import { revertEmailChange } from "@/lib/auth/email-change";
import { getEnv } from "@/lib/env";
import { route } from "@/lib/http/route";
import { redirectToPage } from "@/lib/http/redirect";
import { mailedLinkSchema } from "@/lib/validations/auth";

// The undo link's one click, from the notice mailed to the old address: on to a new password.
export const POST = route({ auth: "none", body: mailedLinkSchema, bodyIsForm: true }, async ({ body, meta }) => {
  const result = await revertEmailChange(body.token, meta);
  if (!result.ok) return redirectToPage(`/email-changed?result=${result.reason}`);
  const reset = new URL(result.resetUrl);
  const response = redirectToPage(`/reset-password?secured=1&${reset.searchParams.toString()}`);
  clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
