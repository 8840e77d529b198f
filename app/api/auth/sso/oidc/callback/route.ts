import { finishOidcSignIn } from "@/lib/auth/sso/oidc";
import { finishSsoCallback } from "@/lib/auth/sso/sign-in";
import { route } from "@/lib/http/route";
import { oidcCallbackQuerySchema } from "@/lib/validations/sso";

// Where a company's OpenID provider sends the browser back; every way out is a redirect.
export const GET = route({ auth: "none", query: oidcCallbackQuerySchema }, async ({ request }) => finishSsoCallback(request, finishOidcSignIn));
