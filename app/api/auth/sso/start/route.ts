import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { startSsoSignIn } from "@/lib/auth/sso/sign-in";
import { json, route } from "@/lib/http/route";
import { ssoStartSchema } from "@/lib/validations/sso";

// "Sign in with your company": answers { url } of the company's identity provider for an address
// of a proven domain, SSO_NOT_AVAILABLE (404) for any other.
export const POST = route({ auth: "none", ipLimit: IP_LIMITS.login, body: ssoStartSchema }, async ({ request, body }) => {
  const start = await startSsoSignIn(request, body.email, body.next);
  const response = json({ url: start.url });
  start.bind(response);
  return response;
});
