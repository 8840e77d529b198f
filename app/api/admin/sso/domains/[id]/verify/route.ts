import { verifyDomain } from "@/lib/auth/sso/connections";
import { json, route } from "@/lib/http/route";
import { ssoIdParams, domainVerifySchema } from "@/lib/validations/sso";

export const POST = route({ auth: "admin", recentProof: true, params: ssoIdParams, body: domainVerifySchema }, async ({ user, params, body }) =>
  json({ domain: await verifyDomain(user, params.id, body.method, body.reason) }),
);
