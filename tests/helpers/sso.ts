import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { testEnv } from "./env";
import type { Client } from "./http";
import { decideAtProvider, type TestIdentity } from "./oauth";

// The local company OpenID provider's client, as an administrator registers it (scripts/oauth-providers.ts).
export const LOCAL_COMPANY_CLIENT = { clientId: "tropical-local-company", clientSecret: "local-secret-company" };

export function randomDomain(): string {
  return `corp-${randomUUID().slice(0, 10)}.test`;
}

export function companyIdentity(domain: string, overrides: Partial<TestIdentity> = {}): TestIdentity {
  const tag = randomUUID().slice(0, 10);
  return { id: `sub-${tag}`, name: `Employee ${tag}`, email: `employee-${tag}@${domain}`, emailVerified: true, ...overrides };
}

// The domain added to the connection, and proven by the administrator's confirmation when asked.
async function addDomain(admin: Client, connectionId: string, domain: string, prove: boolean): Promise<string> {
  const added = await admin.post(`/api/admin/sso/connections/${connectionId}/domains`, { domain, reason: "integration test" });
  assert.equal(added.status, 201, await added.clone().text());
  const { domain: row } = (await added.json()) as { domain: { id: string } };
  if (prove) {
    const proven = await admin.post(`/api/admin/sso/domains/${row.id}/verify`, { method: "MANUAL", reason: "test tenant, confirmed by the admin" });
    assert.equal(proven.status, 200, await proven.clone().text());
  }
  return row.id;
}

// A connection to the local company provider for `domain`, made through the admin API by `admin`,
// the domain proven by the administrator's confirmation unless asked not to.
export async function createCompanyConnection(admin: Client, domain: string, options: { ssoRequired?: boolean; prove?: boolean } = {}): Promise<{ id: string; domainId: string }> {
  const created = await admin.post("/api/admin/sso/connections", {
    protocol: "OIDC",
    name: `Corp ${domain}`,
    oidc: { issuer: testEnv().TEST_OIDC_ISSUER, ...LOCAL_COMPANY_CLIENT },
    ssoRequired: options.ssoRequired ?? false,
    reason: "integration test",
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { connection } = (await created.json()) as { connection: { id: string } };
  return { id: connection.id, domainId: await addDomain(admin, connection.id, domain, options.prove !== false) };
}

// A connection to the local SAML IdP (scripts/saml-idp.ts) for `domain`, its metadata fetched from
// the IdP's URL, the domain proven by the administrator's confirmation.
export async function createSamlConnection(admin: Client, domain: string, options: { ssoRequired?: boolean } = {}): Promise<{ id: string; domainId: string }> {
  const created = await admin.post("/api/admin/sso/connections", {
    protocol: "SAML",
    name: `SAML ${domain}`,
    saml: { metadataUrl: `${testEnv().TEST_SAML_IDP_URL}/metadata` },
    ssoRequired: options.ssoRequired ?? false,
    reason: "integration test",
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { connection } = (await created.json()) as { connection: { id: string } };
  return { id: connection.id, domainId: await addDomain(admin, connection.id, domain, true) };
}

// "Sign in with your company" with the address typed: answers the identity provider's URL.
export async function startCompanySignIn(client: Client, email: string, next?: string): Promise<URL> {
  const started = await client.post("/api/auth/sso/start", { email, next });
  assert.equal(started.status, 200, await started.clone().text());
  return new URL(((await started.json()) as { url: string }).url);
}

// The round trip: start, the choice at the provider, and the app's answer to the callback.
export async function companySignIn(client: Client, email: string, decision: TestIdentity | "cancel"): Promise<Response> {
  const callback = await decideAtProvider(await startCompanySignIn(client, email), decision);
  return client.request(`${callback.pathname}${callback.search}`);
}
