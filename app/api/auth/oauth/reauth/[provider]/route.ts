import { startProviderSignIn } from "@/lib/auth/oauth-client";
import { providerParams } from "@/lib/auth/provider-param";
import { startProviderProof } from "@/lib/auth/step-up";
import { route } from "@/lib/http/route";
import { providerProofSchema } from "@/lib/validations/strong-auth";

// Step-up for an account without a password: a round trip to one of its linked providers (after its
// second factor, when it has one). Answers { url } like a sign-in; the callback marks the session.
export const POST = route({ auth: "user", params: providerParams({ configured: true }), body: providerProofSchema }, async ({ request, user, params, body }) => {
  await startProviderProof(user.id, body);
  return startProviderSignIn(request, params.provider, { csrfToken: body.csrfToken }, { kind: "reauth", userId: user.id, sessionId: user.sessionId });
});
