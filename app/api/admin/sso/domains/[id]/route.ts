import { removeDomain } from "@/lib/auth/sso/connections";
import { noContent, route } from "@/lib/http/route";
import { adminReasonSchema, ssoIdParams } from "@/lib/validations/sso";

export const DELETE = route({ auth: "admin", recentProof: true, params: ssoIdParams, body: adminReasonSchema }, async ({ user, params, body }) => {
  await removeDomain(user, params.id, body.reason);
  return noContent();
});
