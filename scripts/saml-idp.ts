// A local SAML 2.0 identity provider for development and tests: one loopback HTTP server with its own
// signing key that serves its metadata, takes TropiCal's signed AuthnRequest (HTTP-Redirect binding),
// shows a page to choose a test identity or cancel, and posts a signed Response back to the ACS URL
// through the browser, as Okta or Entra ID do. It checks what they check: the request's signature
// against TropiCal's SP certificate, and that the ACS URL belongs to the SP entity that asked.
// Responses are signed with xml-crypto, the library node-saml verifies them with; the tests build
// their forged responses with the same helpers.
import { createVerify, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";
import xpath from "xpath";
import type { SamlKeyPair } from "../lib/auth/sso/saml-keys";
import { generateSamlKeyPair } from "./saml-keys";
import type { RunningService } from "./services";

export interface SamlTestIdentity {
  nameId: string;
  email: string;
  name: string;
}

// The company this IdP stands in for: the stack seeds a proven connection for it (scripts/sso-seed.ts).
export const SAML_SAMPLE_DOMAIN = "saml.example.test";

export const SAML_TEST_IDENTITIES: SamlTestIdentity[] = [
  { nameId: "u-1001", email: `minji.kim@${SAML_SAMPLE_DOMAIN}`, name: "김민지" },
  { nameId: "u-1002", email: `seojun.lee@${SAML_SAMPLE_DOMAIN}`, name: "이서준" },
  { nameId: "u-1003", email: `alex.morgan@${SAML_SAMPLE_DOMAIN}`, name: "Alex Morgan" },
];

const RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
const STATUS = "urn:oasis:names:tc:SAML:2.0:status:";
const select = xpath.useNamespaces({ samlp: "urn:oasis:names:tc:SAML:2.0:protocol", saml: "urn:oasis:names:tc:SAML:2.0:assertion" });

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function samlId(): string {
  return `_${randomBytes(20).toString("hex")}`;
}

export interface SamlResponseOptions {
  issuer: string;
  // The SP entity id the assertion is meant for.
  audience: string;
  // The ACS URL: the Response's Destination and the confirmation's Recipient.
  acsUrl: string;
  // The AuthnRequest answered; null for an unsolicited (IdP-initiated) response.
  inResponseTo: string | null;
  identity: SamlTestIdentity;
  // "cancelled": the user pressed Cancel, a Responder / AuthnFailed status and no assertion.
  status?: "success" | "cancelled";
  issuedAt?: Date;
  lifetimeSeconds?: number;
}

// An unsigned Response, as the IdP builds it before signing.
export function buildSamlResponse(options: SamlResponseOptions): string {
  const issuedAt = options.issuedAt ?? new Date();
  const instant = issuedAt.toISOString();
  const until = new Date(issuedAt.getTime() + (options.lifetimeSeconds ?? 300) * 1000).toISOString();
  const answers = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : "";
  const issuer = `<saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer>`;
  const open = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${samlId()}" Version="2.0" IssueInstant="${instant}" Destination="${escapeXml(options.acsUrl)}"${answers}>${issuer}`;
  if (options.status === "cancelled") {
    return `${open}<samlp:Status><samlp:StatusCode Value="${STATUS}Responder"><samlp:StatusCode Value="${STATUS}AuthnFailed"/></samlp:StatusCode><samlp:StatusMessage>The user cancelled the sign-in</samlp:StatusMessage></samlp:Status></samlp:Response>`;
  }
  const { nameId, email, name } = options.identity;
  const attribute = (attributeName: string, value: string) =>
    `<saml:Attribute Name="${attributeName}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue></saml:Attribute>`;
  return (
    `${open}<samlp:Status><samlp:StatusCode Value="${STATUS}Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${samlId()}" Version="2.0" IssueInstant="${instant}">${issuer}` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${answers} NotOnOrAfter="${until}" Recipient="${escapeXml(options.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${instant}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${instant}" SessionIndex="${samlId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attribute("email", email)}${attribute("displayName", name)}</saml:AttributeStatement>` +
    `</saml:Assertion></samlp:Response>`
  );
}

// An enveloped XML signature (RSA-SHA256, exclusive C14N) over the Response's assertion or over the
// whole Response, placed after its Issuer as the schema requires.
export function signSamlXml(xml: string, keys: SamlKeyPair, target: "assertion" | "response"): string {
  const element = target === "assertion" ? "/*[local-name()='Response']/*[local-name()='Assertion']" : "/*[local-name()='Response']";
  const signature = new SignedXml({ privateKey: keys.privateKey, publicCert: keys.certificate, signatureAlgorithm: RSA_SHA256, canonicalizationAlgorithm: EXCLUSIVE_C14N });
  signature.addReference({ xpath: element, transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", EXCLUSIVE_C14N], digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256" });
  signature.computeSignature(xml, { prefix: "ds", location: { reference: `${element}/*[local-name()='Issuer']`, action: "after" } });
  return signature.getSignedXml();
}

// What the IdP sends: the assertion signed, then the Response around it.
export function signedSamlResponse(options: SamlResponseOptions, keys: SamlKeyPair): string {
  const xml = buildSamlResponse(options);
  if (options.status === "cancelled") return signSamlXml(xml, keys, "response");
  return signSamlXml(signSamlXml(xml, keys, "assertion"), keys, "response");
}

export function idpMetadata(entityId: string, ssoUrl: string, certificate: string | null): string {
  const base64 = certificate?.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
  const key = base64 ? `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${key}
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>
`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function send(response: ServerResponse, status: number, body: string, type = "text/html; charset=utf-8"): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  response.end(body);
}

function errorPage(response: ServerResponse, message: string): void {
  send(response, 400, `<!doctype html><html lang="en"><meta charset="utf-8"><title>Error</title><p>${escapeHtml(message)}</p></html>`);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

interface PendingRequest {
  requestId: string;
  spEntityId: string;
  acsUrl: string;
  relayState: string | null;
  expiresAt: number;
}

// The AuthnRequest of a redirect, checked: signed (RSA-SHA256) over the raw query parameters in the
// binding's order by the SP's key, addressed to this IdP, from an SP entity of TropiCal's whose ACS
// URL is its own. Otherwise the reason, for the error page.
function readAuthnRequest(rawQuery: string, appUrl: string, ssoUrl: string, spCertificate: string): PendingRequest | string {
  const raw = new Map(rawQuery.split("&").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const));
  const value = (name: string) => {
    const found = raw.get(name);
    return found === undefined ? null : decodeURIComponent(found.replace(/\+/g, " "));
  };
  const request = value("SAMLRequest");
  const signature = value("Signature");
  if (!request || !signature) return "The AuthnRequest must be signed (SAMLRequest and Signature).";
  if (value("SigAlg") !== RSA_SHA256) return "Only RSA-SHA256 request signatures are accepted.";
  const signed = ["SAMLRequest", "RelayState", "SigAlg"]
    .filter((name) => raw.has(name))
    .map((name) => `${name}=${raw.get(name)}`)
    .join("&");
  if (!createVerify("RSA-SHA256").update(signed).verify(spCertificate, signature, "base64")) return "The AuthnRequest signature is not the SP's.";
  const xml = inflateRawSync(Buffer.from(request, "base64")).toString("utf8");
  const document = new DOMParser().parseFromString(xml, "text/xml");
  const authnRequest = select("/samlp:AuthnRequest", document, true);
  if (!authnRequest || !xpath.isElement(authnRequest)) return "Not an AuthnRequest.";
  const spEntityId = String(select("string(saml:Issuer)", authnRequest, true));
  const acsUrl = authnRequest.getAttribute("AssertionConsumerServiceURL") ?? "";
  const match = /^(.*\/api\/auth\/sso\/saml\/[A-Za-z0-9_-]+)\/metadata$/.exec(spEntityId);
  if (!match || !spEntityId.startsWith(`${appUrl}/`)) return `Unknown service provider ${spEntityId}.`;
  if (acsUrl !== `${match[1]}/acs`) return `The ACS URL ${acsUrl} is not the SP's.`;
  if (authnRequest.getAttribute("Destination") !== ssoUrl) return "The AuthnRequest is addressed to another IdP.";
  const requestId = authnRequest.getAttribute("ID");
  if (!requestId) return "The AuthnRequest has no ID.";
  return { requestId, spEntityId, acsUrl, relayState: value("RelayState"), expiresAt: Date.now() + 10 * 60_000 };
}

function pickerPage(action: string, ticket: string, spEntityId: string): string {
  const hidden = `<input type="hidden" name="ticket" value="${escapeHtml(ticket)}">`;
  const choices = SAML_TEST_IDENTITIES.map(
    (identity, index) =>
      `<form method="post" action="${action}">${hidden}<input type="hidden" name="identity" value="${index}"><button name="decision" value="allow">${escapeHtml(identity.name)} · ${escapeHtml(identity.email)}</button></form>`,
  ).join("");
  // Any identity at all, so each test can be a new employee.
  const custom =
    `<form method="post" action="${action}">${hidden}<input type="hidden" name="identity" value="custom"><h2>Another identity</h2>` +
    `<label>Account id <input name="nameId" required></label><label>Name <input name="name"></label><label>E-mail <input name="email" type="email"></label>` +
    `<button name="decision" value="allow">Continue</button></form>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Company sign-in (local SAML IdP)</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#0f172a}button{display:block;width:100%;margin:.4rem 0;padding:.6rem;font:inherit;cursor:pointer}label{display:block;margin:.4rem 0}input{display:block;width:100%;font:inherit}</style></head>
<body><h1>Company sign-in — local test IdP</h1><p>This page stands in for a company's SAML identity provider in development and tests. Sign in to ${escapeHtml(spEntityId)} as:</p>
${choices}${custom}<form method="post" action="${action}">${hidden}<button name="decision" value="cancel">Cancel</button></form></body></html>`;
}

// The browser half of the HTTP-POST binding: a form that posts itself to the ACS URL.
function autoPostPage(acsUrl: string, samlResponse: string, relayState: string | null): string {
  const relay = relayState === null ? "" : `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in…</title></head>
<body><form method="post" action="${escapeHtml(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">${relay}<noscript><button>Continue</button></noscript></form>
<script>document.forms[0].submit()</script></body></html>`;
}

export interface LocalSamlIdp extends RunningService {
  entityId: string;
  metadataUrl: string;
  // The IdP's signing key pair, for tests that forge what it would send.
  keys: SamlKeyPair;
}

// `appUrl` is TropiCal's origin and `spCertificate` its SP certificate (SAML_SP_CERTIFICATE): the IdP
// takes requests from TropiCal's SP entities only, signed by that key.
export async function startSamlIdp(appUrl: string, spCertificate: string, fixedPort = 0): Promise<LocalSamlIdp> {
  const keys = await generateSamlKeyPair("TropiCal local SAML IdP");
  const pending = new Map<string, PendingRequest>();
  let baseUrl = "";

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", baseUrl);
    const entityId = `${baseUrl}/metadata`;
    const ssoUrl = `${baseUrl}/sso`;
    if (url.pathname === "/metadata" && request.method === "GET") return send(response, 200, idpMetadata(entityId, ssoUrl, keys.certificate), "application/samlmetadata+xml");
    if (url.pathname === "/sso" && request.method === "GET") {
      const authnRequest = readAuthnRequest((request.url ?? "").split("?")[1] ?? "", appUrl, ssoUrl, spCertificate);
      if (typeof authnRequest === "string") return errorPage(response, authnRequest);
      const ticket = randomBytes(18).toString("base64url");
      pending.set(ticket, authnRequest);
      return send(response, 200, pickerPage(`${baseUrl}/sso/decide`, ticket, authnRequest.spEntityId));
    }
    if (url.pathname === "/sso/decide" && request.method === "POST") {
      const form = await readForm(request);
      const ticket = form.get("ticket") ?? "";
      const authnRequest = pending.get(ticket);
      pending.delete(ticket);
      if (!authnRequest || authnRequest.expiresAt < Date.now()) return errorPage(response, "This sign-in has expired; start again from the app.");
      const identity =
        form.get("identity") === "custom"
          ? { nameId: form.get("nameId") ?? "", email: form.get("email") ?? "", name: form.get("name") ?? "" }
          : (SAML_TEST_IDENTITIES[Number(form.get("identity") ?? 0)] ?? SAML_TEST_IDENTITIES[0]!);
      if (!identity.nameId) return errorPage(response, "An account id is required.");
      const xml = signedSamlResponse(
        {
          issuer: entityId,
          audience: authnRequest.spEntityId,
          acsUrl: authnRequest.acsUrl,
          inResponseTo: authnRequest.requestId,
          identity,
          status: form.get("decision") === "allow" ? "success" : "cancelled",
        },
        keys,
      );
      return send(response, 200, autoPostPage(authnRequest.acsUrl, Buffer.from(xml).toString("base64"), authnRequest.relayState));
    }
    return send(response, 404, "not found", "text/plain; charset=utf-8");
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => errorPage(response, String(error)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(fixedPort, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the local SAML IdP has no port");
  baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    url: baseUrl,
    entityId: `${baseUrl}/metadata`,
    metadataUrl: `${baseUrl}/metadata`,
    keys,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
