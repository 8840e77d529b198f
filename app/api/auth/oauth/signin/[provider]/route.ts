import { startProviderSignIn } from "@/lib/auth/oauth-client";
import { providerParams } from "@/lib/auth/provider-param";
import { route } from "@/lib/http/route";
import { oauthStartSchema } from "@/lib/validations/social";

export const POST = route({ auth: "none", params: providerParams({ configured: true }), body: oauthStartSchema }, ({ request, params, body }) =>
  startProviderSignIn(request, params.provider, body, null),
);
