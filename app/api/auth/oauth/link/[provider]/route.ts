import { startProviderSignIn } from "@/lib/auth/oauth-client";
import { providerParams } from "@/lib/auth/provider-param";
import { route } from "@/lib/http/route";
import { oauthStartSchema } from "@/lib/validations/social";

// Connects the provider to the signed-in account: answers { url } of the provider's page, like a
// sign-in. Under /api/auth/oauth, where next-auth's CSRF cookie is sent.
export const POST = route({ auth: "user", recentProof: true, params: providerParams({ configured: true }), body: oauthStartSchema }, ({ request, user, params, body }) =>
  startProviderSignIn(request, params.provider, body, { kind: "link", userId: user.id, sessionId: user.sessionId }),
);
