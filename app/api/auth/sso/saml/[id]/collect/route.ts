import { collectSamlIdentity } from "@/lib/auth/sso/saml-sign-in";
import { finishSsoCallback } from "@/lib/auth/sso/sign-in";
import { route } from "@/lib/http/route";
import { samlCollectQuerySchema, ssoIdParams } from "@/lib/validations/sso";

// Where the ACS sends the browser: the identity it held, for the browser whose cookie started the
// sign-in; every way out is a redirect, as from the OIDC callback.
export const GET = route({ auth: "none", params: ssoIdParams, query: samlCollectQuerySchema }, async ({ request, params, query }) =>
  finishSsoCallback(request, () => collectSamlIdentity(request, params.id, query.request)),
);
