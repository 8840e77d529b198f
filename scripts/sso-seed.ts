// The sample company sign-in connections of development and the test stack: the local company
// OpenID provider (scripts/oauth-providers.ts) for the domain example.test, and the local SAML IdP
// (scripts/saml-idp.ts) for saml.example.test, both proven. Run at every start, since the local
// providers' ports (so their URLs) change; each domain's proof is written once, with its audit row,
// as an administrator's manual confirmation would be.
import { X509Certificate } from "node:crypto";
import pg from "pg";
import { seal } from "../lib/auth/secret-box";
import { localCompanyIdp } from "./oauth-providers";
import { SAML_SAMPLE_DOMAIN, type LocalSamlIdp } from "./saml-idp";

export const SAMPLE_CONNECTION_ID = "5eed0000-0000-4000-8000-000000000001";
const SAMPLE_DOMAIN_ID = "5eed0000-0000-4000-8000-000000000002";
export const SAML_SAMPLE_CONNECTION_ID = "5eed0000-0000-4000-8000-000000000003";
const SAML_SAMPLE_DOMAIN_ID = "5eed0000-0000-4000-8000-000000000004";

// The domain row, proven once, with the audit row a manual confirmation writes.
async function proveSampleDomain(client: pg.Client, id: string, domain: string, connectionId: string, what: string): Promise<void> {
  const inserted = await client.query(
    `INSERT INTO "SsoDomain" ("id", "domain", "connectionId", "verificationToken", "verifiedAt", "verifiedBy", "verifiedMethod") VALUES ($1, $2, $3, 'local-sample', now(), 'cli', 'MANUAL')
     ON CONFLICT ("domain") DO NOTHING RETURNING "id"`,
    [id, domain, connectionId],
  );
  if (inserted.rowCount) {
    await client.query(`INSERT INTO "AuditLog" ("id", "actor", "action", "reason") VALUES (gen_random_uuid(), 'cli', 'SSO_DOMAIN_VERIFIED', $1)`, [
      `sample connection of ${what} — ${domain}, by manual confirmation`,
    ]);
  }
}

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
    await proveSampleDomain(client, SAMPLE_DOMAIN_ID, idp.domain, SAMPLE_CONNECTION_ID, "the local identity provider");
  } finally {
    await client.end();
  }
}

// The IdP's settings as /admin/sso stores them from its metadata URL (lib/auth/sso/saml.ts).
export async function seedSampleSamlConnection(databaseUrl: string, idp: LocalSamlIdp): Promise<void> {
  const settings = {
    idp: { entityId: idp.entityId, ssoUrl: `${idp.url}/sso`, signingCertificates: [new X509Certificate(idp.keys.certificate).toString()] },
    metadataUrl: idp.metadataUrl,
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "SsoConnection" ("id", "name", "protocol", "settings", "updatedAt") VALUES ($1, 'Example SAML Corp (local SAML IdP)', 'SAML', $2::jsonb, now())
       ON CONFLICT ("id") DO UPDATE SET "settings" = EXCLUDED."settings", "updatedAt" = now()`,
      [SAML_SAMPLE_CONNECTION_ID, JSON.stringify(settings)],
    );
    await proveSampleDomain(client, SAML_SAMPLE_DOMAIN_ID, SAML_SAMPLE_DOMAIN, SAML_SAMPLE_CONNECTION_ID, "the local SAML IdP");
  } finally {
    await client.end();
  }
}
