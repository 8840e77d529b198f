import { clearAuthCookies } from "@/lib/auth/cookies";
import { secureAccount } from "@/lib/auth/password-changes";
import { getEnv } from "@/lib/env";
import { redirectToPage } from "@/lib/http/redirect";
import { route } from "@/lib/http/route";
import { mailedLinkSchema } from "@/lib/validations/auth";

// Links mailed before the confirmation page existed: they open it and end nothing by themselves.
export const GET = route({ auth: "none" }, ({ request }) => redirectToPage(`/secure-account?token=${encodeURIComponent(request.nextUrl.searchParams.get("token") ?? "")}`));

// "This wasn't me", confirmed with one click: every session ends at once, then the user picks a new
// password with the same one-time token.
export const POST = route({ auth: "none", body: mailedLinkSchema, bodyIsForm: true }, async ({ body, meta }) => {
  const secured = await secureAccount(body.token, meta);
  const response = redirectToPage(secured ? `/reset-password?secured=1&token=${encodeURIComponent(body.token)}` : "/forgot-password?expired=1");
  if (secured) clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
