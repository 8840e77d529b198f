import { deleteConnection, updateConnection } from "@/lib/auth/sso/connections";
import { json, noContent, route } from "@/lib/http/route";
import { adminReasonSchema, CONNECTION_MAX_BODY_BYTES, ssoIdParams, connectionUpdateSchema } from "@/lib/validations/sso";

export const PATCH = route({ auth: "admin", recentProof: true, params: ssoIdParams, body: connectionUpdateSchema, maxBodyBytes: CONNECTION_MAX_BODY_BYTES }, async ({ user, params, body }) =>
  json({ connection: await updateConnection(user, params.id, body) }),
);

export const DELETE = route({ auth: "admin", recentProof: true, params: ssoIdParams, body: adminReasonSchema }, async ({ user, params, body }) => {
  await deleteConnection(user, params.id, body.reason);
  return noContent();
});
