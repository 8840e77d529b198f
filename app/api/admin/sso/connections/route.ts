import { createConnection, listConnections } from "@/lib/auth/sso/connections";
import { oidcRedirectUri } from "@/lib/auth/sso/oidc";
import { json, route } from "@/lib/http/route";
import { CONNECTION_MAX_BODY_BYTES, connectionCreateSchema } from "@/lib/validations/sso";

// The connections (never a secret), and what an identity provider's administrator registers for TropiCal.
export const GET = route({ auth: "admin" }, async () => json({ connections: await listConnections(), oidc: { redirectUri: oidcRedirectUri() } }));

export const POST = route({ auth: "admin", recentProof: true, body: connectionCreateSchema, maxBodyBytes: CONNECTION_MAX_BODY_BYTES }, async ({ user, body }) =>
  json({ connection: await createConnection(user, body) }, 201),
);
