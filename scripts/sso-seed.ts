// The sample company sign-in connection of development and the test stack: the local company
// identity provider (scripts/oauth-providers.ts) for the domain example.test, proven. Run at every
// start, since the local provider's port (so its issuer) changes; the domain's proof is written once,
// with its audit row, as an administrator's manual confirmation would be.
import pg from "pg";
import { seal } from "../lib/auth/secret-box";
import { localCompanyIdp } from "./oauth-providers";

export const SAMPLE_CONNECTION_ID = "5eed0000-0000-4000-8000-000000000001";
const SAMPLE_DOMAIN_ID = "5eed0000-0000-4000-8000-000000000002";

export async function seedSampleSsoConnection(databaseUrl: string, authSecret: string, oauthUrl: string): Promise<void> {
  const idp = localCompanyIdp(oauthUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "SsoConnection" ("id", "name", "protocol", "settings", "secret", "updatedAt") VALUES ($1, 'Example Corp (local OIDC)', 'OIDC', $2::jsonb, $3, now())
       ON CONFLICT ("id") DO UPDATE SET "settings" = EXCLUDED."settings", "secret" = EXCLUDED."secret", "updatedAt" = now()`,
      [SAMPLE_CONNECTION_ID, JSON.stringify({ issuer: idp.issuer, clientId: idp.clientId, scopes: "openid email profile" }), seal(idp.clientSecret, [authSecret])],
    );
    const domain = await client.query(
      `INSERT INTO "SsoDomain" ("id", "domain", "connectionId", "verificationToken", "verifiedAt", "verifiedBy", "verifiedMethod") VALUES ($1, $2, $3, 'local-sample', now(), 'cli', 'MANUAL')
       ON CONFLICT ("domain") DO NOTHING RETURNING "id"`,
      [SAMPLE_DOMAIN_ID, idp.domain, SAMPLE_CONNECTION_ID],
    );
    if (domain.rowCount) {
      await client.query(`INSERT INTO "AuditLog" ("id", "actor", "action", "reason") VALUES (gen_random_uuid(), 'cli', 'SSO_DOMAIN_VERIFIED', $1)`, [
        `sample connection of the local identity provider — ${idp.domain}, by manual confirmation`,
      ]);
    }
  } finally {
    await client.end();
  }
}
