import { collectSamlIdentity } from "@/lib/auth/sso/saml-sign-in";
import { finishSsoCallback } from "@/lib/auth/sso/sign-in";
import { route } from "@/lib/http/route";
import { samlCollectQuerySchema, ssoIdParams } from "@/lib/validations/sso";

// Where the ACS sends the browser that posted the answer: the identity it held, for that browser
// only if its cookie also started the sign-in; every way out is a redirect, as from the OIDC callback.
export const GET = route({ auth: "none", params: ssoIdParams, query: samlCollectQuerySchema }, async ({ request, params, query }) =>
  finishSsoCallback(request, () => collectSamlIdentity(request, params.id, query)),
);
