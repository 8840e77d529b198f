import "server-only";
import { X509Certificate } from "node:crypto";
import { generateServiceProviderMetadata, SAML, SamlStatusError, ValidateInResponseTo, type CacheItem, type CacheProvider, type Profile } from "@node-saml/node-saml";
import { DOMParser } from "@xmldom/xmldom";
import xpath from "xpath";
import { z } from "zod";
import type { SamlKeyPair } from "@/lib/auth/sso/saml-keys";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";
import { SAML_ACS_MAX_BODY_BYTES, SAML_METADATA_MAX_CHARS } from "@/lib/validations/sso";

// SAML 2.0 Web Browser SSO, service-provider side, SP-initiated only: TropiCal sends a signed
// AuthnRequest and accepts one signed Response to it. node-saml verifies the XML signatures (xml-crypto),
// refuses a response with more than one assertion and reads only what the signature covers; the checks
// it leaves to its caller (the assertion's issuer, the recipient, InResponseTo inside the signed
// assertion, using a request once) are made here, on that signed assertion. Security notes and the
// tests that prove them: docs/security.md, "Enterprise sign-in (SAML 2.0)".

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const NAMESPACES = {
  md: "urn:oasis:names:tc:SAML:2.0:metadata",
  ds: "http://www.w3.org/2000/09/xmldsig#",
  saml: "urn:oasis:names:tc:SAML:2.0:assertion",
  samlp: PROTOCOL,
};
const select = xpath.useNamespaces(NAMESPACES);

// Clocks of the IdP and of TropiCal's servers disagree a little; a minute and a half is what is
// forgiven either way on NotBefore and NotOnOrAfter.
const CLOCK_SKEW_MS = 90_000;
// However long an IdP lets its assertion live, TropiCal takes it only this soon after it was issued.
const MAX_ASSERTION_AGE_MS = 5 * 60_000;
// How long the browser may spend at the IdP between the AuthnRequest and its answer.
const REQUEST_LIFETIME_MS = 10 * 60_000;

const connectionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "an SSO connection id");
const originSchema = z.url({ protocol: /^https?$/ }).refine((value) => new URL(value).origin === value, "an origin: scheme, host and port only");

// Loopback addresses serve the local IdP in development, and in the test stack's production build.
function loopbackAllowed(): boolean {
  const env = getEnv();
  return env.NODE_ENV !== "production" || env.SAML_LOOPBACK_METADATA === "on";
}

function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

// An IdP endpoint: https, or any scheme on loopback where loopback is allowed. No credentials in it.
function isAcceptableIdpUrl(value: string): boolean {
  const url = new URL(value);
  if (url.username || url.password) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url) && loopbackAllowed());
}

const idpUrlSchema = z.url({ protocol: /^https?$/ }).refine(isAcceptableIdpUrl, "https (or a loopback address in development and tests)");

// What TropiCal keeps of an IdP: what parseIdpMetadata returns, and what the sign-in functions take.
export const samlIdpSchema = z.object({
  entityId: z.string().min(1).max(1024),
  // Its single sign-on endpoint for the HTTP-Redirect binding.
  ssoUrl: idpUrlSchema,
  // PEM; the IdP signs with any one of them (several while it rolls its key over).
  signingCertificates: z.array(z.string().min(1)).min(1).max(10),
});
export type SamlIdp = z.infer<typeof samlIdpSchema>;

// What a SAML connection keeps in SsoConnection.settings: the IdP as its metadata describes it, and
// the URL that metadata came from when it was fetched (none when it was pasted).
export const samlSettingsSchema = z.object({ idp: samlIdpSchema, metadataUrl: idpUrlSchema.optional() });
export type SamlSettings = z.infer<typeof samlSettingsSchema>;

export interface SamlIdentity {
  // The NameID: who the IdP says this is, for this SP.
  subject: string;
  email: string;
  name?: string;
}

function refuse(code: ErrorCode, reason: string, fields: Record<string, unknown> = {}): never {
  log("warn", "saml refused", { code, reason, ...fields });
  throw new ApiError(code);
}

// An XML document, refusing DOCTYPE outright: SAML never needs one, and entity declarations are how
// XML bombs and external-entity reads get in.
function parseXml(xml: string, code: ErrorCode): Document {
  if (/<!DOCTYPE/i.test(xml)) refuse(code, "the document has a DOCTYPE");
  const problems: string[] = [];
  const document = new DOMParser({
    errorHandler: { warning: () => {}, error: (message) => problems.push(message), fatalError: (message) => problems.push(message) },
  }).parseFromString(xml, "text/xml");
  if (problems.length > 0 || !document?.documentElement) refuse(code, `not well-formed XML: ${problems[0] ?? "empty"}`);
  return document;
}

function elements(expression: string, node: Node): Element[] {
  const found = select(expression, node);
  return Array.isArray(found) ? found.filter((item): item is Element => xpath.isElement(item)) : [];
}

function certificatePem(base64: string): string | null {
  const body = base64.replace(/\s+/g, "");
  try {
    return new X509Certificate(`-----BEGIN CERTIFICATE-----\n${body.replace(/.{1,64}/g, "$&\n")}-----END CERTIFICATE-----\n`).toString();
  } catch {
    return null;
  }
}

// The IdP in SAML 2.0 metadata (an EntityDescriptor, or an EntitiesDescriptor holding exactly one IdP):
// its entity id, its single sign-on URL for the HTTP-Redirect binding and the certificates it signs
// with. The AuthnRequest goes by redirect only: Okta, Entra ID, Google Workspace and AD FS all offer
// it, and a redirect needs no page of TropiCal's own to post from. Metadata without a signing certificate is refused: TropiCal accepts
// only signed responses, and a key learned from the response itself would prove nothing.
export function parseIdpMetadata(xml: string): SamlIdp {
  const source = z.string().min(1).max(SAML_METADATA_MAX_CHARS).safeParse(xml);
  if (!source.success) refuse("SAML_METADATA_INVALID", "empty or too large");
  const document = parseXml(source.data, "SAML_METADATA_INVALID");
  const entities = elements("/md:EntityDescriptor[md:IDPSSODescriptor] | /md:EntitiesDescriptor/md:EntityDescriptor[md:IDPSSODescriptor]", document);
  if (entities.length !== 1) refuse("SAML_METADATA_INVALID", `${entities.length} IdP entity descriptors`);
  const [entity] = entities as [Element];
  const descriptors = elements("md:IDPSSODescriptor", entity).filter((descriptor) => (descriptor.getAttribute("protocolSupportEnumeration") ?? "").split(/\s+/).includes(PROTOCOL));
  if (descriptors.length !== 1) refuse("SAML_METADATA_INVALID", "no single SAML 2.0 IDPSSODescriptor");
  const [descriptor] = descriptors as [Element];

  const signingCertificates = elements("md:KeyDescriptor[not(@use) or @use='signing']/ds:KeyInfo/ds:X509Data/ds:X509Certificate", descriptor).map((node) => certificatePem(node.textContent ?? ""));
  if (signingCertificates.some((pem) => pem === null)) refuse("SAML_METADATA_INVALID", "a signing certificate does not parse");
  if (signingCertificates.length === 0) refuse("SAML_METADATA_INVALID", "no signing certificate");

  const ssoUrl = elements(`md:SingleSignOnService[@Binding='${REDIRECT_BINDING}']`, descriptor)[0]?.getAttribute("Location");
  const parsed = samlIdpSchema.safeParse({ entityId: entity.getAttribute("entityID"), ssoUrl, signingCertificates });
  if (!parsed.success) refuse("SAML_METADATA_INVALID", `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

// Metadata from the IdP's metadata URL: https only (loopback aside, as above), no redirects, within
// PROVIDER_TIMEOUT_MS and SAML_METADATA_MAX_CHARS.
// NOTE: only an administrator sets this URL, so a host of the admin's choosing is fetched; that the
// fetch follows no redirect and returns nothing but parsed metadata keeps it from being a way to read
// other internal addresses.
export async function fetchIdpMetadata(url: string): Promise<SamlIdp> {
  const parsedUrl = idpUrlSchema.safeParse(url);
  if (!parsedUrl.success) refuse("SAML_METADATA_INVALID", "the metadata URL is not https");
  let text: string;
  try {
    const response = await fetch(parsedUrl.data, {
      redirect: "error",
      headers: { Accept: "application/samlmetadata+xml, application/xml, text/xml" },
      signal: AbortSignal.timeout(getEnv().PROVIDER_TIMEOUT_MS),
    });
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > SAML_METADATA_MAX_CHARS) {
        await reader.cancel().catch(() => {});
        return refuse("SAML_METADATA_INVALID", "the metadata is too large");
      }
      chunks.push(value);
    }
    text = Buffer.concat(chunks).toString("utf8");
  } catch (error) {
    if (error instanceof ApiError) throw error;
    return refuse("SAML_METADATA_UNREACHABLE", (error as Error).message, { url: parsedUrl.data });
  }
  return parseIdpMetadata(text);
}

// A connection's settings from the metadata an administrator gave: pasted XML, or a URL to fetch it from.
export async function readIdpMetadata(source: { metadataXml: string } | { metadataUrl: string }): Promise<SamlSettings> {
  if ("metadataXml" in source) return { idp: parseIdpMetadata(source.metadataXml) };
  return { idp: await fetchIdpMetadata(source.metadataUrl), metadataUrl: source.metadataUrl };
}

// TropiCal's own SP key pair (lib/env.ts); without one SAML sign-in is off.
function spKeyPair(): SamlKeyPair {
  const pair = getEnv().SAML_SP;
  if (!pair) refuse("SERVICE_UNAVAILABLE", "SAML_SP_PRIVATE_KEY and SAML_SP_CERTIFICATE are not set");
  return pair;
}

// The SP's entity id and assertion consumer service URL for one connection: each connection is its
// own SP to its IdP, so one IdP's assertion names an audience no other connection accepts.
export function samlServiceProvider(origin: string, connectionId: string): { entityId: string; acsUrl: string } {
  const base = `${originSchema.parse(origin)}/api/auth/sso/saml/${connectionIdSchema.parse(connectionId)}`;
  return { entityId: `${base}/metadata`, acsUrl: `${base}/acs` };
}

// The SP metadata an administrator gives the IdP: entity id, ACS URL (HTTP-POST), the signing
// certificate, AuthnRequestsSigned and WantAssertionsSigned.
export function spMetadata(origin: string, connectionId: string): string {
  const { entityId, acsUrl } = samlServiceProvider(origin, connectionId);
  const { privateKey, certificate } = spKeyPair();
  return generateServiceProviderMetadata({
    issuer: entityId,
    callbackUrl: acsUrl,
    privateKey,
    publicCerts: certificate,
    wantAssertionsSigned: true,
    identifierFormat: null,
  });
}

// The SamlRequest table as node-saml's request cache, for one connection. node-saml saves the id of
// each AuthnRequest, looks a response's InResponseTo up, and removes it once a response for it has
// been processed, whether accepted or not. Removing is the atomic claim: an update of an unused,
// unexpired row, which only one of two concurrent responses can make.
class SamlRequestStore implements CacheProvider {
  private readonly claims = new Map<string, Promise<boolean>>();
  // The id of the AuthnRequest this store saved last, for the caller's own records.
  saved: string | undefined;

  constructor(private readonly connectionId: string) {}

  async saveAsync(key: string, value: string): Promise<CacheItem> {
    this.saved = key;
    const createdAt = new Date(value);
    await getDb().samlRequest.create({ data: { id: key, connectionId: this.connectionId, createdAt, expiresAt: new Date(createdAt.getTime() + REQUEST_LIFETIME_MS) } });
    return { value, createdAt: createdAt.getTime() };
  }

  async getAsync(key: string): Promise<string | null> {
    const row = await getDb().samlRequest.findFirst({ where: { id: key, connectionId: this.connectionId, usedAt: null, expiresAt: { gt: new Date() } } });
    return row ? row.createdAt.toISOString() : null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    return key && (await this.claim(key)) ? key : null;
  }

  // Whether this response spent the request (once per key, however often node-saml asks).
  claim(key: string): Promise<boolean> {
    let claim = this.claims.get(key);
    if (!claim) {
      claim = getDb()
        .samlRequest.updateMany({ where: { id: key, connectionId: this.connectionId, usedAt: null, expiresAt: { gt: new Date() } }, data: { usedAt: new Date() } })
        .then(({ count }) => count === 1);
      this.claims.set(key, claim);
    }
    return claim;
  }
}

function samlClient(connectionId: string, idp: SamlIdp, origin: string, store: SamlRequestStore, forceAuthn = false): SAML {
  const { entityId, acsUrl } = samlServiceProvider(origin, connectionId);
  const { privateKey, certificate } = spKeyPair();
  return new SAML({
    issuer: entityId,
    audience: entityId,
    callbackUrl: acsUrl,
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.signingCertificates,
    privateKey,
    publicCert: certificate,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "sha256",
    // The IdP chooses its NameID format and how the user signs in: asking for a format or an authn
    // context it was not set up for makes Okta and Entra answer with an error instead of a sign-in.
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    forceAuthn,
    // A signature over the whole response or over the assertion: IdPs sign one or the other (or both).
    // Either way node-saml reads the assertion from the signed XML only.
    wantAuthnResponseSigned: false,
    wantAssertionsSigned: false,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    maxAssertionAgeMs: MAX_ASSERTION_AGE_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_LIFETIME_MS,
    cacheProvider: store,
  });
}

// The SP certificate an IdP is given with the metadata; null while SAML sign-in is off.
export function spCertificate(): string | null {
  return getEnv().SAML_SP?.certificate ?? null;
}

const startSchema = z.object({
  connectionId: connectionIdSchema,
  idp: samlIdpSchema,
  origin: originSchema,
  // A step-up: the IdP must ask the user again, not answer from a session it already has.
  forceAuthn: z.boolean().default(false),
});

// Where to send the browser: the IdP's sign-on URL with a signed AuthnRequest (HTTP-Redirect binding:
// the signature is over the query, RSA-SHA256 with the SP key), and the request's id, which the
// answer's InResponseTo must name. The id is stored for REQUEST_LIFETIME_MS, for this connection
// only. No RelayState: where to land is the caller's to keep, not the IdP's to echo.
export async function startSamlSignIn(input: z.input<typeof startSchema>): Promise<{ redirectUrl: string; requestId: string }> {
  const { connectionId, idp, origin, forceAuthn } = startSchema.parse(input);
  const store = new SamlRequestStore(connectionId);
  const redirectUrl = await samlClient(connectionId, idp, origin, store, forceAuthn).getAuthorizeUrlAsync("", undefined, {});
  if (!store.saved) throw new Error("node-saml made an AuthnRequest without saving its id");
  return { redirectUrl, requestId: store.saved };
}

// node-saml says why it refused only in its messages; each is mapped to the code the user is shown.
const LIBRARY_REFUSALS: [RegExp, ErrorCode][] = [
  [/InResponseTo is missing/, "SAML_UNSOLICITED"],
  [/InResponseTo/, "SAML_REPLAYED"],
  [/signature|Cannot obtain assertion/i, "SAML_SIGNATURE_INVALID"],
  [/expired|not yet valid|No valid subject confirmation/i, "SAML_EXPIRED"],
  [/audience/i, "SAML_WRONG_AUDIENCE"],
];

// A status other than Success: the user cancelled or was refused (AuthnFailed, RequestDenied), or
// the IdP failed.
function statusRefusal(error: SamlStatusError): ErrorCode {
  const codes = [...error.xmlStatus.matchAll(/Value="([^"]+)"/g)].map((match) => match[1]);
  const declined = codes.some((code) => code === "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed" || code === "urn:oasis:names:tc:SAML:2.0:status:RequestDenied");
  return declined ? "SAML_CANCELLED" : "SAML_IDP_ERROR";
}

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() ? first.trim() : undefined;
}

// Attribute names the common IdPs use: the SAML/LDAP OIDs, Microsoft's claim URIs, plain names.
const EMAIL_ATTRIBUTES = ["email", "mail", "urn:oid:0.9.2342.19200300.100.1.3", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "emailAddress", "Email"];
const NAME_ATTRIBUTES = ["displayName", "urn:oid:2.16.840.1.113730.3.1.241", "http://schemas.microsoft.com/identity/claims/displayname", "name"];
const GIVEN_NAME_ATTRIBUTES = ["givenName", "firstName", "urn:oid:2.5.4.42", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"];
const SURNAME_ATTRIBUTES = ["sn", "surname", "lastName", "urn:oid:2.5.4.4", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"];
const EMAIL_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

// Also what the ACS holds on the flow until the browser collects it (lib/auth/sso/flows.ts).
export const samlIdentitySchema = z.object({
  subject: z.string().min(1).max(256),
  email: z
    .email()
    .max(254)
    .transform((value) => value.toLowerCase()),
  name: z.string().min(1).max(100).optional(),
});

function identityOf(profile: Profile): SamlIdentity {
  const attributes: Record<string, unknown> = profile.attributes && typeof profile.attributes === "object" ? { ...profile.attributes } : {};
  const pick = (names: string[]) => names.map((name) => firstString(attributes[name])).find(Boolean);
  const email = pick(EMAIL_ATTRIBUTES) ?? (profile.nameIDFormat === EMAIL_NAME_ID ? profile.nameID : undefined);
  const given = pick(GIVEN_NAME_ATTRIBUTES);
  const surname = pick(SURNAME_ATTRIBUTES);
  const name = pick(NAME_ATTRIBUTES) ?? ([given, surname].filter(Boolean).join(" ") || undefined);
  const parsed = samlIdentitySchema.safeParse({ subject: profile.nameID, email, name: name?.slice(0, 100) });
  if (!parsed.success) refuse("SAML_RESPONSE_INVALID", `the assertion lacks ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
}

const finishSchema = z.object({
  connectionId: connectionIdSchema,
  idp: samlIdpSchema,
  origin: originSchema,
  samlResponse: z
    .string()
    .min(1)
    .max(SAML_ACS_MAX_BODY_BYTES)
    .regex(/^[A-Za-z0-9+/=\s]+$/, "base64"),
});

// The identity in the IdP's answer (the SAMLResponse form field posted to the ACS URL), once it has
// passed every check, and the id of the request it answers; otherwise an ApiError with a SAML_*
// code. The request it answers is spent either way.
export async function finishSamlSignIn(input: z.input<typeof finishSchema>): Promise<SamlIdentity & { requestId: string }> {
  const parsedInput = finishSchema.safeParse(input);
  if (!parsedInput.success) refuse("SAML_RESPONSE_INVALID", "the SAMLResponse is not base64 of a usable size");
  const { connectionId, idp, origin, samlResponse } = parsedInput.data;
  const { acsUrl } = samlServiceProvider(origin, connectionId);
  const context = { connectionId };
  const xml = Buffer.from(samlResponse, "base64").toString("utf8");
  const response = parseXml(xml, "SAML_RESPONSE_INVALID").documentElement;
  const store = new SamlRequestStore(connectionId);
  let profile: Profile | null;
  try {
    ({ profile } = await samlClient(connectionId, idp, origin, store).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    if (error instanceof SamlStatusError) return refuse(statusRefusal(error), error.message, context);
    const message = (error as Error).message;
    return refuse(LIBRARY_REFUSALS.find(([pattern]) => pattern.test(message))?.[1] ?? "SAML_RESPONSE_INVALID", message, context);
  }
  const requestId = profile?.inResponseTo;
  const assertionXml = profile?.getAssertionXml?.();
  if (!profile || typeof requestId !== "string" || !assertionXml) return refuse("SAML_RESPONSE_INVALID", "no assertion", context);
  // node-saml spends the request on most paths; this makes sure of it, and that this response, not a
  // concurrent one with the same InResponseTo, was the one that did.
  if (!(await store.claim(requestId))) refuse("SAML_REPLAYED", "the request was already used", context);

  // What follows reads the signed assertion only (node-saml hands back the XML its signature covers).
  const assertion = parseXml(assertionXml, "SAML_RESPONSE_INVALID");
  if (profile.issuer !== idp.entityId) refuse("SAML_WRONG_ISSUER", `assertion issuer ${profile.issuer}`, context);
  // The envelope may be unsigned when only the assertion is, but a wrong value there still means the
  // response was not made for this SP.
  const responseIssuer = elements("/samlp:Response/saml:Issuer", response)[0]?.textContent?.trim();
  if (responseIssuer !== undefined && responseIssuer !== idp.entityId) refuse("SAML_WRONG_ISSUER", `response issuer ${responseIssuer}`, context);
  const destination = response.getAttribute("Destination");
  if (destination && destination !== acsUrl) refuse("SAML_WRONG_AUDIENCE", `destination ${destination}`, context);
  // Every bearer confirmation names this ACS URL and this request: an assertion the IdP issued
  // unsolicited, or for another SP's request, cannot be wrapped into a response to ours.
  const confirmations = elements("/saml:Assertion/saml:Subject/saml:SubjectConfirmation[@Method='urn:oasis:names:tc:SAML:2.0:cm:bearer']/saml:SubjectConfirmationData", assertion);
  if (confirmations.length === 0) refuse("SAML_RESPONSE_INVALID", "no bearer subject confirmation", context);
  for (const confirmation of confirmations) {
    if (confirmation.getAttribute("Recipient") !== acsUrl) refuse("SAML_WRONG_AUDIENCE", `recipient ${confirmation.getAttribute("Recipient")}`, context);
    if (confirmation.getAttribute("InResponseTo") !== requestId) refuse("SAML_UNSOLICITED", "the signed assertion answers no request of ours", context);
  }
  return { ...identityOf(profile), requestId };
}
