import { addDomain } from "@/lib/auth/sso/connections";
import { json, route } from "@/lib/http/route";
import { ssoIdParams, domainCreateSchema } from "@/lib/validations/sso";

// A domain starts unproven, with the TXT value that proves it.
export const POST = route({ auth: "admin", recentProof: true, params: ssoIdParams, body: domainCreateSchema }, async ({ user, params, body }) =>
  json({ domain: await addDomain(user, params.id, body.domain, body.reason) }, 201),
);
