import { startSsoProof } from "@/lib/auth/sso/sign-in";
import { startProviderProof } from "@/lib/auth/step-up";
import { json, route } from "@/lib/http/route";
import { companyProofSchema } from "@/lib/validations/strong-auth";

// Step-up for an account that signs in with its company: a round trip to the company's identity
// provider (after the second factor, when it has one). Answers { url } like the company sign-in's
// start; the answer marks the session and lands on settings.
export const POST = route({ auth: "user", body: companyProofSchema }, async ({ request, user, body }) => {
  await startProviderProof(user.id, body);
  const start = await startSsoProof(request, user.id, user.sessionId);
  const response = json({ url: start.url });
  start.bind(response);
  return response;
});
