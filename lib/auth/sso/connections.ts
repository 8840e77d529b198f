import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { Prisma, type SsoConnection, type SsoDomain } from "@/lib/generated/prisma/client";
import type { SsoDomainProof } from "@/lib/generated/prisma/enums";
import { seal } from "@/lib/auth/secret-box";
import { domainPublishesToken, newVerificationToken, txtRecordName, txtRecordValue } from "@/lib/auth/sso/domain-proof";
import { readIdpMetadata, samlServiceProvider, samlSettingsSchema, spCertificate, type SamlSettings } from "@/lib/auth/sso/saml";
import { oidcSettingsSchema, type ConnectionCreateInput, type ConnectionUpdateInput, type OidcSettings } from "@/lib/validations/sso";

// Company sign-in connections as /admin/sso manages them. Every change is in the audit log; the
// protocol's secret is sealed on the way in and never leaves again (views say only whether one is set).

interface Admin {
  id: string;
  email: string;
}

export interface DomainView {
  id: string;
  domain: string;
  verified: boolean;
  verifiedAt: string | null;
  verifiedMethod: SsoDomainProof | null;
  // What the owner publishes to prove it.
  txtName: string;
  txtValue: string;
}

export interface SamlView {
  idpEntityId: string;
  ssoUrl: string;
  // Where the metadata was fetched from; null when it was pasted.
  metadataUrl: string | null;
  // TropiCal's side, for the IdP's administrator to copy: this connection's SP entity id (its
  // metadata URL), its ACS URL and the SP signing certificate (null while SAML sign-in is off).
  sp: { entityId: string; acsUrl: string; certificate: string | null };
}

export interface ConnectionView {
  id: string;
  name: string;
  protocol: "OIDC" | "SAML";
  oidc: OidcSettings | null;
  saml: SamlView | null;
  hasSecret: boolean;
  ssoRequired: boolean;
  enabled: boolean;
  domains: DomainView[];
  createdAt: string;
  updatedAt: string;
}

// The OIDC settings a row holds; null for another protocol's row.
export function oidcSettingsOf(connection: SsoConnection): OidcSettings | null {
  if (connection.protocol !== "OIDC") return null;
  const parsed = oidcSettingsSchema.safeParse(connection.settings);
  return parsed.success ? parsed.data : null;
}

// The SAML settings a row holds; null for another protocol's row.
export function samlSettingsOf(connection: SsoConnection): SamlSettings | null {
  if (connection.protocol !== "SAML") return null;
  const parsed = samlSettingsSchema.safeParse(connection.settings);
  return parsed.success ? parsed.data : null;
}

function samlView(connection: SsoConnection): SamlView | null {
  const settings = samlSettingsOf(connection);
  if (!settings) return null;
  return {
    idpEntityId: settings.idp.entityId,
    ssoUrl: settings.idp.ssoUrl,
    metadataUrl: settings.metadataUrl ?? null,
    sp: { ...samlServiceProvider(getEnv().APP_URL, connection.id), certificate: spCertificate() },
  };
}

function domainView(domain: SsoDomain): DomainView {
  return {
    id: domain.id,
    domain: domain.domain,
    verified: domain.verifiedAt !== null,
    verifiedAt: domain.verifiedAt?.toISOString() ?? null,
    verifiedMethod: domain.verifiedMethod,
    txtName: txtRecordName(domain.domain),
    txtValue: txtRecordValue(domain.verificationToken),
  };
}

function connectionView(connection: SsoConnection & { domains: SsoDomain[] }): ConnectionView {
  return {
    id: connection.id,
    name: connection.name,
    protocol: connection.protocol,
    oidc: oidcSettingsOf(connection),
    saml: samlView(connection),
    hasSecret: connection.secret !== null,
    ssoRequired: connection.ssoRequired,
    enabled: connection.enabled,
    domains: connection.domains.map(domainView),
    createdAt: connection.createdAt.toISOString(),
    updatedAt: connection.updatedAt.toISOString(),
  };
}

// NOTE: the server fetches what an administrator names here (discovery, keys, tokens). Only https,
// except the loopback where SSO_LOOPBACK_ISSUERS allows the local identity provider.
export function issuerAllowed(issuer: string): boolean {
  const url = new URL(issuer);
  if (url.protocol === "https:") return true;
  return getEnv().SSO_LOOPBACK_ISSUERS === "on" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

function assertIssuerAllowed(issuer: string | undefined): void {
  if (issuer !== undefined && !issuerAllowed(issuer)) throw new ApiError("INVALID_INPUT", { "oidc.issuer": "issuerInvalid" });
}

// Who did what, and to which connection: the reason given, then what it was about.
async function audit(admin: Admin, action: string, subject: string, reason: string, tx: Prisma.TransactionClient = getDb()): Promise<void> {
  await tx.auditLog.create({ data: { actor: admin.id, actorEmail: admin.email, action, reason: `${reason} — ${subject}` } });
}

function describe(connection: { name: string; protocol: string }): string {
  return `connection "${connection.name}" (${connection.protocol})`;
}

const WITH_DOMAINS = { domains: { orderBy: { domain: "asc" } } } as const;

export async function listConnections(): Promise<ConnectionView[]> {
  const connections = await getDb().ssoConnection.findMany({ include: WITH_DOMAINS, orderBy: { createdAt: "asc" } });
  return connections.map(connectionView);
}

async function loadConnection(id: string) {
  const connection = await getDb().ssoConnection.findUnique({ where: { id }, include: WITH_DOMAINS });
  if (!connection) throw new ApiError("NOT_FOUND");
  return connection;
}

// A new connection's settings and sealed secret, and what the audit row says of them.
async function protocolSettings(input: ConnectionCreateInput): Promise<{ settings: Prisma.InputJsonValue; secret: string | null; about: string }> {
  switch (input.protocol) {
    case "OIDC": {
      assertIssuerAllowed(input.oidc.issuer);
      const settings = oidcSettingsSchema.parse({ issuer: input.oidc.issuer, clientId: input.oidc.clientId, scopes: input.oidc.scopes });
      return { settings, secret: seal(input.oidc.clientSecret), about: `issuer ${settings.issuer}, client ${settings.clientId}` };
    }
    case "SAML": {
      const settings = await readIdpMetadata(input.saml);
      return { settings, secret: null, about: describeSaml(settings) };
    }
  }
}

function describeSaml(settings: SamlSettings): string {
  return `IdP ${settings.idp.entityId}, metadata ${settings.metadataUrl ? `from ${settings.metadataUrl}` : "pasted"}`;
}

export async function createConnection(admin: Admin, input: ConnectionCreateInput): Promise<ConnectionView> {
  const { settings, secret, about } = await protocolSettings(input);
  return getDb().$transaction(async (tx) => {
    const created = await tx.ssoConnection.create({
      data: { name: input.name, protocol: input.protocol, settings, secret, ssoRequired: input.ssoRequired, enabled: input.enabled },
      include: WITH_DOMAINS,
    });
    await audit(admin, "SSO_CONNECTION_CREATED", `${describe(created)}, ${about}`, input.reason, tx);
    return connectionView(created);
  });
}

export async function updateConnection(admin: Admin, id: string, input: ConnectionUpdateInput): Promise<ConnectionView> {
  const current = await loadConnection(id);
  const data: Prisma.SsoConnectionUpdateInput = {};
  const changes: string[] = [];
  if (input.name !== undefined && input.name !== current.name) {
    data.name = input.name;
    changes.push(`name "${input.name}"`);
  }
  if (input.oidc) {
    const oidc = oidcSettingsOf(current);
    if (!oidc) throw new ApiError("CONFLICT_STATE");
    assertIssuerAllowed(input.oidc.issuer);
    const { clientSecret, ...settings } = input.oidc;
    const next = oidcSettingsSchema.parse({ ...oidc, ...Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined)) });
    if (JSON.stringify(next) !== JSON.stringify(oidc)) {
      data.settings = next;
      changes.push(`issuer ${next.issuer}, client ${next.clientId}, scopes "${next.scopes}"`);
    }
    if (clientSecret !== undefined) {
      data.secret = seal(clientSecret);
      changes.push("new client secret");
    }
  }
  if (input.saml) {
    if (current.protocol !== "SAML") throw new ApiError("CONFLICT_STATE");
    const settings = await readIdpMetadata(input.saml);
    data.settings = settings;
    changes.push(`new ${describeSaml(settings)}`);
  }
  if (input.ssoRequired !== undefined && input.ssoRequired !== current.ssoRequired) {
    data.ssoRequired = input.ssoRequired;
    changes.push(input.ssoRequired ? "SSO required" : "SSO optional");
  }
  if (input.enabled !== undefined && input.enabled !== current.enabled) {
    data.enabled = input.enabled;
    changes.push(input.enabled ? "enabled" : "disabled");
  }
  if (changes.length === 0) return connectionView(current);
  return getDb().$transaction(async (tx) => {
    const updated = await tx.ssoConnection.update({ where: { id }, data, include: WITH_DOMAINS });
    await audit(admin, "SSO_CONNECTION_UPDATED", `${describe(updated)}: ${changes.join("; ")}`, input.reason, tx);
    return connectionView(updated);
  });
}

// Its domains, flows and the sign-in links made through it go with it: those users sign in by the
// other ways their accounts have (a password can be set through "forgot password").
export async function deleteConnection(admin: Admin, id: string, reason: string): Promise<void> {
  const current = await loadConnection(id);
  await getDb().$transaction(async (tx) => {
    await tx.ssoConnection.delete({ where: { id } });
    await audit(admin, "SSO_CONNECTION_DELETED", `${describe(current)}, domains ${current.domains.map((domain) => domain.domain).join(", ") || "none"}`, reason, tx);
  });
}

export async function addDomain(admin: Admin, connectionId: string, domain: string, reason: string): Promise<DomainView> {
  const connection = await loadConnection(connectionId);
  try {
    return await getDb().$transaction(async (tx) => {
      const created = await tx.ssoDomain.create({ data: { domain, connectionId, verificationToken: newVerificationToken() } });
      await audit(admin, "SSO_DOMAIN_ADDED", `${domain} for ${describe(connection)}`, reason, tx);
      return domainView(created);
    });
  } catch (error) {
    // One connection per domain: which one has it is for the administrator to look up in the list.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ApiError("INVALID_INPUT", { domain: "domainTaken" });
    throw error;
  }
}

async function loadDomain(id: string) {
  const domain = await getDb().ssoDomain.findUnique({ where: { id }, include: { connection: true } });
  if (!domain) throw new ApiError("NOT_FOUND");
  return domain;
}

export async function removeDomain(admin: Admin, id: string, reason: string): Promise<void> {
  const domain = await loadDomain(id);
  await getDb().$transaction(async (tx) => {
    await tx.ssoDomain.delete({ where: { id } });
    await audit(admin, "SSO_DOMAIN_REMOVED", `${domain.domain} from ${describe(domain.connection)}`, reason, tx);
  });
}

// DNS: the TXT record must be there now. MANUAL: the administrator vouches for the domain (for a
// test tenant, or a domain whose DNS they cannot reach), and the audit log says who did.
export async function verifyDomain(admin: Admin, id: string, method: SsoDomainProof, reason: string): Promise<DomainView> {
  const domain = await loadDomain(id);
  if (method === "DNS" && !(await domainPublishesToken(domain.domain, domain.verificationToken))) throw new ApiError("INVALID_INPUT", { domain: "domainTxtMissing" });
  return getDb().$transaction(async (tx) => {
    const verified = await tx.ssoDomain.update({ where: { id }, data: { verifiedAt: new Date(), verifiedBy: admin.id, verifiedMethod: method } });
    await audit(admin, "SSO_DOMAIN_VERIFIED", `${domain.domain} for ${describe(domain.connection)}, by ${method === "DNS" ? "DNS TXT record" : "manual confirmation"}`, reason, tx);
    return domainView(verified);
  });
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

// The enabled connection that signs in this address: its domain proven for it. Never one whose
// domain is unproven, whoever added it.
export async function connectionForEmail(email: string): Promise<(SsoConnection & { domains: SsoDomain[] }) | null> {
  const domain = await getDb().ssoDomain.findUnique({ where: { domain: domainOf(email) }, include: { connection: { include: { domains: true } } } });
  if (!domain?.verifiedAt || !domain.connection.enabled) return null;
  return domain.connection;
}

// Whether the address is one of the connection's own proven domains: only then is the e-mail the
// identity provider names trusted as verified.
export function isInProvenDomain(connection: { domains: SsoDomain[] }, email: string | undefined): boolean {
  if (!email) return false;
  const domain = domainOf(email);
  return connection.domains.some((candidate) => candidate.domain === domain && candidate.verifiedAt !== null);
}

// The address must use the company sign-in: its proven domain's enabled connection requires it.
export async function ssoRequiredFor(email: string): Promise<boolean> {
  const connection = await connectionForEmail(email);
  return connection?.ssoRequired === true;
}

// A company that requires its sign-in closes every other way in for its addresses — a passkey or
// a social provider as much as the password (lib/auth/accounts.ts) — so that someone the company's
// IdP no longer lets in is not let in here. Called by each of those ways in, never by SSO's own.
export async function assertSsoNotRequired(email: string | undefined): Promise<void> {
  if (email && (await ssoRequiredFor(email))) throw new ApiError("SSO_REQUIRED");
}
