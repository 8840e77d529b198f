import { acceptSamlAnswer } from "@/lib/auth/sso/saml-sign-in";
import { continueSsoAnswer } from "@/lib/auth/sso/sign-in";
import { route } from "@/lib/http/route";
import { SAML_ACS_MAX_BODY_BYTES, samlAcsFormSchema, ssoIdParams } from "@/lib/validations/sso";

// The assertion consumer service of a SAML connection: the IdP's page posts its signed answer here
// (HTTP-POST binding). A good answer sends the browser on to collect it (the collect route), any
// other to the login page with its error.
export const POST = route(
  {
    auth: "none",
    params: ssoIdParams,
    body: samlAcsFormSchema,
    bodyIsForm: true,
    maxBodyBytes: SAML_ACS_MAX_BODY_BYTES,
    crossSiteAllowedBecause:
      "the IdP's page posts the answer from the IdP's origin (SAML HTTP-POST binding), so the Origin is never ours; the route reads no cookie and signs no one in: it checks the IdP's signature and the signed InResponseTo naming an unused request of this connection, and holds the identity for the browser that started the sign-in to collect with its cookie",
  },
  async ({ params, body }) => continueSsoAnswer(() => acceptSamlAnswer(params.id, body)),
);
