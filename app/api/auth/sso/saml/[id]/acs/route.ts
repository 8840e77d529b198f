import { finishSamlConnectionSignIn } from "@/lib/auth/sso/saml-sign-in";
import { finishSsoCallback } from "@/lib/auth/sso/sign-in";
import { route } from "@/lib/http/route";
import { SAML_ACS_MAX_BODY_BYTES, samlAcsFormSchema, ssoIdParams } from "@/lib/validations/sso";

// The assertion consumer service of a SAML connection: the IdP's page posts its signed answer here
// (HTTP-POST binding); every way out is a redirect, as from the OIDC callback.
export const POST = route(
  {
    auth: "none",
    params: ssoIdParams,
    body: samlAcsFormSchema,
    bodyIsForm: true,
    maxBodyBytes: SAML_ACS_MAX_BODY_BYTES,
    crossSiteAllowedBecause:
      "the IdP's page posts the answer from the IdP's origin (SAML HTTP-POST binding), so the Origin is never ours; the route reads no cookie, so no session rides on the post, and the answer proves itself: the IdP's signature, and a signed InResponseTo naming an unused SamlRequest this app made for this connection",
  },
  async ({ request, params, body }) => finishSsoCallback(request, () => finishSamlConnectionSignIn(params.id, body)),
);
