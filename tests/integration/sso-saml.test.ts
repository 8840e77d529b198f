import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { buildSamlResponse, idpMetadata, SAML_SAMPLE_DOMAIN, SAML_TEST_IDENTITIES, signSamlXml, type SamlResponseOptions, type SamlTestIdentity } from "../../scripts/saml-idp";
import { generateSamlKeyPair } from "../../scripts/saml-keys";
import { SAML_SAMPLE_CONNECTION_ID, SAMPLE_CONNECTION_ID } from "../../scripts/sso-seed";
import { signedInAdmin } from "../helpers/admin";
import { closeTestDb, testDb } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { Client } from "../helpers/http";
import { answerAtIdp, startSamlWorker, type SamlWorker } from "../helpers/saml";
import { createSamlConnection, randomDomain, startCompanySignIn } from "../helpers/sso";
import { PASSWORD, signedInUser, signUpVerified } from "../helpers/users";

// The SAML service-provider library (lib/auth/sso/saml.ts) against the local IdP (scripts/saml-idp.ts)
// and the stack's database. Forged responses are built with the IdP's own helpers and key, then edited
// as an attacker would.

const env = testEnv();
const origin = env.TEST_BASE_URL;
const idpKeys = { privateKey: env.TEST_SAML_IDP_PRIVATE_KEY, certificate: env.TEST_SAML_IDP_CERTIFICATE };
const [minji, seojun] = SAML_TEST_IDENTITIES as [(typeof SAML_TEST_IDENTITIES)[0], (typeof SAML_TEST_IDENTITIES)[0]];

let worker: SamlWorker;
let idp: unknown;

before(async () => {
  worker = startSamlWorker();
  const fetched = await worker.call("fetchIdpMetadata", `${env.TEST_SAML_IDP_URL}/metadata`);
  assert.equal(fetched.code, undefined);
  idp = fetched.result;
});
after(async () => {
  await worker.stop();
  await closeTestDb();
});

const sp = (connectionId: string) => ({
  entityId: `${origin}/api/auth/sso/saml/${connectionId}/metadata`,
  acsUrl: `${origin}/api/auth/sso/saml/${connectionId}/acs`,
});

// The AuthnRequest's id in the redirect to the IdP.
function requestIdOf(redirectUrl: string): string {
  const request = inflateRawSync(Buffer.from(new URL(redirectUrl).searchParams.get("SAMLRequest") ?? "", "base64")).toString("utf8");
  const requestId = /\sID="([^"]+)"/.exec(request)?.[1];
  assert.ok(requestId, request);
  return requestId;
}

// A sign-in started by the app: the browser's redirect and the AuthnRequest's id in it.
async function begin(connectionId: string): Promise<{ redirectUrl: string; requestId: string }> {
  const started = await worker.call("startSamlSignIn", { connectionId, idp, origin });
  assert.equal(started.code, undefined);
  const { redirectUrl, requestId } = started.result as { redirectUrl: string; requestId: string };
  assert.equal(requestId, requestIdOf(redirectUrl));
  return { redirectUrl, requestId };
}

function finish(connectionId: string, samlResponse: string, on: SamlWorker = worker) {
  return on.call("finishSamlSignIn", { connectionId, idp, origin, samlResponse });
}

// What the IdP would answer to `requestId`, with the attacker's overrides, before signing.
function responseXml(connectionId: string, requestId: string | null, overrides: Partial<SamlResponseOptions> = {}): string {
  return buildSamlResponse({
    issuer: `${env.TEST_SAML_IDP_URL}/metadata`,
    audience: sp(connectionId).entityId,
    acsUrl: sp(connectionId).acsUrl,
    inResponseTo: requestId,
    identity: minji,
    ...overrides,
  });
}

const base64 = (xml: string) => Buffer.from(xml).toString("base64");
const assertionOf = (xml: string) => /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(xml)?.[0] ?? "";

describe("SAML sign-in against the local IdP", () => {
  test("a sign-in through the IdP's picker returns its identity (Korean name kept) and the request it answers, at the connection's ACS URL; the request is spent", async () => {
    const connectionId = randomUUID();
    const { redirectUrl, requestId } = await begin(connectionId);
    assert.ok(redirectUrl.startsWith(`${env.TEST_SAML_IDP_URL}/sso?`));
    assert.ok(new URL(redirectUrl).searchParams.get("Signature"), "the AuthnRequest is signed");
    assert.equal(new URL(redirectUrl).searchParams.get("RelayState"), null, "where to land is not the IdP's to echo");
    const answer = await answerAtIdp(redirectUrl, 0);
    assert.equal(answer.acsUrl, sp(connectionId).acsUrl);
    assert.equal(answer.relayState, null);
    const done = await finish(connectionId, answer.samlResponse);
    assert.deepEqual(done, { id: done.id, result: { subject: minji.nameId, email: minji.email, name: "김민지", requestId } });
    const { rows } = await testDb().query(`SELECT "connectionId", "usedAt" FROM "SamlRequest" WHERE id = $1`, [requestId]);
    assert.equal(rows[0]?.connectionId, connectionId);
    assert.ok(rows[0]?.usedAt, "spent");
    // The same response again: the request it answers is spent.
    assert.equal((await finish(connectionId, answer.samlResponse)).code, "SAML_REPLAYED");
  });

  test("a step-up's AuthnRequest asks the IdP to authenticate again (ForceAuthn); a sign-in's does not", async () => {
    const connectionId = randomUUID();
    const authnRequest = (redirectUrl: string) => inflateRawSync(Buffer.from(new URL(redirectUrl).searchParams.get("SAMLRequest") ?? "", "base64")).toString("utf8");
    const signIn = await begin(connectionId);
    assert.doesNotMatch(authnRequest(signIn.redirectUrl), /ForceAuthn="true"/);
    const started = await worker.call("startSamlSignIn", { connectionId, idp, origin, forceAuthn: true });
    assert.match(authnRequest((started.result as { redirectUrl: string }).redirectUrl), /ForceAuthn="true"/);
  });

  test("Cancel at the IdP (Responder / AuthnFailed) is SAML_CANCELLED", async () => {
    const connectionId = randomUUID();
    const { redirectUrl } = await begin(connectionId);
    const answer = await answerAtIdp(redirectUrl, "cancel");
    assert.equal((await finish(connectionId, answer.samlResponse)).code, "SAML_CANCELLED");
  });

  test("an assertion signed alone is accepted; a response signed by no one, or by another key, is refused", async () => {
    const connectionId = randomUUID();
    const signedAssertion = await begin(connectionId);
    const ok = await finish(connectionId, base64(signSamlXml(responseXml(connectionId, signedAssertion.requestId, { identity: seojun }), idpKeys, "assertion")));
    assert.deepEqual(ok.result, { subject: seojun.nameId, email: seojun.email, name: seojun.name, requestId: signedAssertion.requestId });

    const unsigned = await begin(connectionId);
    assert.equal((await finish(connectionId, base64(responseXml(connectionId, unsigned.requestId)))).code, "SAML_SIGNATURE_INVALID");

    const otherKeys = await generateSamlKeyPair("not the IdP");
    const forged = await begin(connectionId);
    const byOther = signSamlXml(signSamlXml(responseXml(connectionId, forged.requestId), otherKeys, "assertion"), otherKeys, "response");
    assert.equal((await finish(connectionId, base64(byOther))).code, "SAML_SIGNATURE_INVALID");
  });

  test("a tampered signed value (one byte of the NameID) is refused", async () => {
    const connectionId = randomUUID();
    const { redirectUrl } = await begin(connectionId);
    const answer = await answerAtIdp(redirectUrl, 0);
    const xml = Buffer.from(answer.samlResponse, "base64").toString("utf8");
    assert.ok(xml.includes(`>${minji.nameId}</saml:NameID>`));
    const tampered = xml.replace(`>${minji.nameId}</saml:NameID>`, `>${minji.nameId.slice(0, -1)}9</saml:NameID>`);
    assert.equal((await finish(connectionId, base64(tampered))).code, "SAML_SIGNATURE_INVALID");
  });

  test("an assertion for another audience, or confirmed for another recipient, is refused", async () => {
    const connectionId = randomUUID();
    const other = sp(randomUUID());
    const forAudience = await begin(connectionId);
    const audienceXml = signSamlXml(responseXml(connectionId, forAudience.requestId, { audience: other.entityId }), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(audienceXml))).code, "SAML_WRONG_AUDIENCE");

    const forRecipient = await begin(connectionId);
    const recipientXml = signSamlXml(responseXml(connectionId, forRecipient.requestId).replace(`Recipient="${sp(connectionId).acsUrl}"`, `Recipient="${other.acsUrl}"`), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(recipientXml))).code, "SAML_WRONG_AUDIENCE");
  });

  test("an expired assertion is refused; one issued within the clock skew is not", async () => {
    const connectionId = randomUUID();
    const expired = await begin(connectionId);
    const old = signSamlXml(responseXml(connectionId, expired.requestId, { issuedAt: new Date(Date.now() - 10 * 60_000), lifetimeSeconds: 300 }), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(old))).code, "SAML_EXPIRED");

    // An IdP clock a minute ahead: NotBefore is in the future, within the skew.
    const ahead = await begin(connectionId);
    const early = signSamlXml(responseXml(connectionId, ahead.requestId, { issuedAt: new Date(Date.now() + 60_000) }), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(early))).result !== undefined, true);
  });

  test("concurrent posts of one response (on two servers): exactly one signs in, the others are SAML_REPLAYED", async () => {
    const connectionId = randomUUID();
    const second = startSamlWorker();
    try {
      for (let round = 0; round < 3; round += 1) {
        const { requestId } = await begin(connectionId);
        const samlResponse = base64(signSamlXml(responseXml(connectionId, requestId), idpKeys, "assertion"));
        const answers = await Promise.all([worker, second, worker, second].map((on) => finish(connectionId, samlResponse, on)));
        assert.equal(answers.filter((answer) => answer.result !== undefined).length, 1, JSON.stringify(answers));
        assert.deepEqual(
          answers.filter((answer) => answer.code).map((answer) => answer.code),
          ["SAML_REPLAYED", "SAML_REPLAYED", "SAML_REPLAYED"],
        );
      }
    } finally {
      await second.stop();
    }
  });

  test("a request id of another connection, or none this app issued, is refused", async () => {
    const connectionId = randomUUID();
    const elsewhere = randomUUID();
    const { requestId } = await begin(elsewhere);
    const crossed = signSamlXml(responseXml(connectionId, requestId), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(crossed))).code, "SAML_REPLAYED");
    const invented = signSamlXml(responseXml(connectionId, `_${randomUUID().replaceAll("-", "")}`), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(invented))).code, "SAML_REPLAYED");
  });

  test("an unsolicited (IdP-initiated) response is refused, also when InResponseTo is added to its unsigned envelope", async () => {
    const connectionId = randomUUID();
    await begin(connectionId);
    const unsolicited = signSamlXml(responseXml(connectionId, null), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(unsolicited))).code, "SAML_UNSOLICITED");

    const { requestId } = await begin(connectionId);
    const envelopeOnly = unsolicited.replace("<samlp:Response ", `<samlp:Response InResponseTo="${requestId}" `);
    assert.equal((await finish(connectionId, base64(envelopeOnly))).code, "SAML_UNSOLICITED");
  });

  test("signature wrapping: an injected unsigned assertion with another NameID is refused, never returned", async () => {
    const connectionId = randomUUID();
    const victim = { nameId: "u-9999", email: "ceo@example.test", name: "사장님" };

    // Beside the signed assertion.
    const beside = await begin(connectionId);
    const signed = signSamlXml(responseXml(connectionId, beside.requestId), idpKeys, "assertion");
    const injected = assertionOf(responseXml(connectionId, beside.requestId, { identity: victim }));
    const twoAssertions = signed.replace("<saml:Assertion ", `${injected}<saml:Assertion `);
    const first = await finish(connectionId, base64(twoAssertions));
    assert.equal(first.code, "SAML_SIGNATURE_INVALID");
    assert.equal(first.result, undefined);

    // The signed assertion moved into Extensions, the injected one in its place under the same ID.
    const moved = await begin(connectionId);
    const signedAssertion = assertionOf(signSamlXml(responseXml(connectionId, moved.requestId), idpKeys, "assertion"));
    const signedId = /ID="([^"]+)"/.exec(signedAssertion)?.[1] ?? "";
    const sameId = assertionOf(responseXml(connectionId, moved.requestId, { identity: victim })).replace(/ID="[^"]+"/, `ID="${signedId}"`);
    const wrapped = responseXml(connectionId, moved.requestId)
      .replace(/<saml:Assertion[\s\S]*<\/saml:Assertion>/, sameId)
      .replace("<samlp:Status>", `<samlp:Extensions>${signedAssertion}</samlp:Extensions><samlp:Status>`);
    const second = await finish(connectionId, base64(wrapped));
    assert.equal(second.code, "SAML_SIGNATURE_INVALID");
    assert.equal(second.result, undefined);
  });

  test("an assertion signed with the IdP's key but naming another issuer is refused", async () => {
    const connectionId = randomUUID();
    const { requestId } = await begin(connectionId);
    const xml = signSamlXml(responseXml(connectionId, requestId, { issuer: "https://idp.other.example/metadata" }), idpKeys, "assertion");
    assert.equal((await finish(connectionId, base64(xml))).code, "SAML_WRONG_ISSUER");
  });
});

describe("SAML metadata", () => {
  test("IdP metadata: fetched from its URL; without a signing certificate, with a DOCTYPE, or from a non-https URL it is refused", async () => {
    assert.deepEqual(idp, {
      entityId: `${env.TEST_SAML_IDP_URL}/metadata`,
      ssoUrl: `${env.TEST_SAML_IDP_URL}/sso`,
      signingCertificates: [env.TEST_SAML_IDP_CERTIFICATE.trim() + "\n"],
    });
    const withoutCertificate = idpMetadata("https://idp.example.test/metadata", "https://idp.example.test/sso", null);
    assert.equal((await worker.call("parseIdpMetadata", withoutCertificate)).code, "SAML_METADATA_INVALID");
    const withCertificate = idpMetadata("https://idp.example.test/metadata", "https://idp.example.test/sso", env.TEST_SAML_IDP_CERTIFICATE);
    assert.equal((await worker.call("parseIdpMetadata", withCertificate)).code, undefined);
    const bomb = withCertificate.replace("<md:EntityDescriptor", `<!DOCTYPE md [<!ENTITY a "aaaaaaaaaa">]><md:EntityDescriptor`);
    assert.equal((await worker.call("parseIdpMetadata", bomb)).code, "SAML_METADATA_INVALID");
    assert.equal((await worker.call("fetchIdpMetadata", "http://idp.example.test/metadata")).code, "SAML_METADATA_INVALID");
    assert.equal((await worker.call("fetchIdpMetadata", `${env.TEST_SAML_IDP_URL}/nothing-here`)).code, "SAML_METADATA_UNREACHABLE");
  });

  test("SP metadata names the connection's entity id and ACS URL and carries the SP signing certificate", async () => {
    const connectionId = randomUUID();
    const answer = await worker.call("spMetadata", { origin, connectionId });
    const xml = String(answer.result);
    assert.ok(xml.includes(`entityID="${sp(connectionId).entityId}"`), xml);
    assert.ok(xml.includes(`Location="${sp(connectionId).acsUrl}"`), xml);
    assert.ok(xml.includes('AuthnRequestsSigned="true"'), xml);
    const certificate = env.TEST_SAML_SP_CERTIFICATE.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
    assert.ok(xml.replace(/\s+/g, "").includes(certificate), xml);
  });
});

// The routes, as a browser meets them: POST /api/auth/sso/start for an address of the seeded
// saml.example.test (scripts/sso-seed.ts), the IdP, its page's cross-site POST to the ACS URL, and
// the top-level GET of the collect URL the ACS redirects to. The cross-site POST carries none of
// TropiCal's SameSite=Lax cookies (a client without any, from the IdP's origin); the GET carries them
// (the client that started).
const idpOrigin = new URL(env.TEST_SAML_IDP_URL).origin;
const acsPath = (connectionId: string) => `/api/auth/sso/saml/${connectionId}/acs`;
const CONSENTS = { terms: true, privacy: true, marketing: false };

function employee(domain = SAML_SAMPLE_DOMAIN): SamlTestIdentity {
  const tag = randomUUID().slice(0, 10);
  return { nameId: `saml-${tag}`, email: `employee-${tag}@${domain}`, name: `직원 ${tag.slice(0, 4)}` };
}

function postToAcs(connectionId: string, fields: Record<string, string>): Promise<Response> {
  return new Client().postForm(acsPath(connectionId), fields, { headers: { origin: idpOrigin } });
}

function hasSession(client: Client): boolean {
  return client.cookies.has("ACCESS_TOKEN") || client.cookies.has("REFRESH_TOKEN") || client.cookies.has("ONBOARDING_TOKEN");
}

// A sign-in started at the app in `browser` for `email` and answered at the IdP as `identity`: the
// fields the IdP's page posts.
interface Started {
  browser: Client;
  requestId: string;
  fields: Record<string, string>;
}

async function signInAtIdp(email: string, identity: SamlTestIdentity | "cancel", next?: string): Promise<Started> {
  const browser = new Client();
  const redirect = await startCompanySignIn(browser, email, next);
  assert.ok(browser.cookies.has("tropical.sso.browser"), "the start binds the sign-in to this browser");
  const answer = await answerAtIdp(redirect.href, identity);
  assert.equal(answer.acsUrl, `${origin}${acsPath(SAML_SAMPLE_CONNECTION_ID)}`);
  return { browser, requestId: requestIdOf(redirect.href), fields: { SAMLResponse: answer.samlResponse } };
}

// The IdP page's post of `fields`, then, where the ACS sends the browser to collect, `browser`'s GET
// of that URL: where `browser` lands.
async function postAndCollect(fields: Record<string, string>, browser: Client): Promise<string> {
  const acs = await postToAcs(SAML_SAMPLE_CONNECTION_ID, fields);
  assert.equal(acs.status, 303, await acs.clone().text());
  assert.deepEqual(acs.headers.getSetCookie(), [], "the ACS sets no cookie");
  const location = new URL(acs.headers.get("location") ?? "", origin);
  if (!location.pathname.endsWith("/collect")) return `${location.pathname}${location.search}`;
  const collected = await browser.request(`${location.pathname}${location.search}`);
  assert.equal(collected.status, 303, await collected.clone().text());
  const landing = new URL(browser.location(collected));
  return `${landing.pathname}${landing.search}`;
}

// A new identity through onboarding, so that its next sign-in is a returning one's.
async function onboarded(identity: SamlTestIdentity): Promise<void> {
  const started = await signInAtIdp(identity.email, identity);
  assert.equal(await postAndCollect(started.fields, started.browser), "/onboarding");
  assert.equal((await started.browser.post("/api/auth/onboarding", { nickname: identity.name, consents: CONSENTS })).status, 200);
}

// Forged answers to a real request of the app, signed with the IdP's key unless the test says not.
async function forgedAnswer(overrides: Partial<SamlResponseOptions>, edit: (xml: string) => string = (xml) => xml): Promise<Started> {
  const started = await signInAtIdp(`x@${SAML_SAMPLE_DOMAIN}`, employee());
  const xml = edit(signSamlXml(responseXml(SAML_SAMPLE_CONNECTION_ID, started.requestId, { identity: employee(), ...overrides }), idpKeys, "assertion"));
  return { ...started, fields: { SAMLResponse: base64(xml) } };
}

describe("SAML sign-in through the routes", () => {
  test("the metadata route serves the connection's SP metadata to anyone; other ids are 404", async () => {
    const response = await new Client().request(`/api/auth/sso/saml/${SAML_SAMPLE_CONNECTION_ID}/metadata`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^application\/samlmetadata\+xml/);
    const xml = await response.text();
    assert.ok(xml.includes(`entityID="${sp(SAML_SAMPLE_CONNECTION_ID).entityId}"`), xml);
    assert.ok(xml.includes(`Location="${sp(SAML_SAMPLE_CONNECTION_ID).acsUrl}"`), xml);
    assert.ok(xml.replace(/\s+/g, "").includes(env.TEST_SAML_SP_CERTIFICATE.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "")));
    // An OIDC connection has no SP metadata, nor has an id that is no connection.
    assert.equal((await new Client().request(`/api/auth/sso/saml/${SAMPLE_CONNECTION_ID}/metadata`)).status, 404);
    assert.equal((await new Client().request(`/api/auth/sso/saml/${randomUUID()}/metadata`)).status, 404);
  });

  test("a valid answer, posted cross-site without cookies, is collected by the browser that started: a new identity onboards, a returning one gets its session", async () => {
    const identity = employee();
    const first = await signInAtIdp(identity.email, identity);
    const acs = await postToAcs(SAML_SAMPLE_CONNECTION_ID, first.fields);
    assert.equal(acs.status, 303);
    const collect = new URL(acs.headers.get("location") ?? "");
    assert.equal(`${collect.origin}${collect.pathname}`, `${origin}/api/auth/sso/saml/${SAML_SAMPLE_CONNECTION_ID}/collect`);
    assert.equal(collect.searchParams.get("request"), first.requestId);
    assert.match(collect.searchParams.get("collect") ?? "", /^[\w-]{43}$/, "a one-time value for the browser that posted");
    const collected = await first.browser.request(`${collect.pathname}${collect.search}`);
    assert.equal(collected.status, 303);
    assert.equal(first.browser.location(collected), `${first.browser.base}/onboarding`);
    assert.ok(first.browser.cookies.has("ONBOARDING_TOKEN") && !first.browser.cookies.has("ACCESS_TOKEN"));
    const view = ((await (await first.browser.request("/api/auth/onboarding")).json()) as { onboarding: Record<string, unknown> }).onboarding;
    assert.deepEqual([view.provider, view.name, view.email, view.emailVerified], ["sso", identity.name, identity.email, true]);
    assert.equal((await first.browser.post("/api/auth/onboarding", { nickname: identity.name, consents: CONSENTS })).status, 200);

    const again = await signInAtIdp(identity.email, identity);
    assert.equal(await postAndCollect(again.fields, again.browser), "/dashboard");
    assert.ok(again.browser.cookies.has("ACCESS_TOKEN") && again.browser.cookies.has("REFRESH_TOKEN"));
    const me = (await (await again.browser.request("/api/auth/me")).json()) as { email: string; providers: string[] };
    assert.deepEqual([me.email, me.providers], [identity.email, ["sso"]]);
  });

  test("an answer counts only in the browser that both started the sign-in and posted it: login CSRF and collecting someone else's answer are refused", async () => {
    const attacker = employee();
    const victimIdentity = employee();
    await onboarded(attacker);
    await onboarded(victimIdentity);
    const collectPath = (requestId: string, collect?: string) => `/api/auth/sso/saml/${SAML_SAMPLE_CONNECTION_ID}/collect?request=${requestId}${collect === undefined ? "" : `&collect=${collect}`}`;
    const landing = (client: Client, response: Response) => client.location(response).slice(client.base.length);

    // Login CSRF: the attacker signs in at the IdP as themselves and keeps the answer; a page of
    // theirs posts it from the victim's browser, which started no sign-in, or one of its own.
    const kept = await signInAtIdp(attacker.email, attacker);
    const victim = new Client();
    assert.equal(await postAndCollect(kept.fields, victim), "/login?sso_error=SSO_EXPIRED");
    const busyVictim = (await signInAtIdp(`someone@${SAML_SAMPLE_DOMAIN}`, employee())).browser;
    const keptAgain = await signInAtIdp(attacker.email, attacker);
    assert.equal(await postAndCollect(keptAgain.fields, busyVictim), "/login?sso_error=SSO_EXPIRED");
    assert.ok(!hasSession(victim) && !hasSession(busyVictim), "the victims are signed into nothing");

    // Takeover: the attacker starts a sign-in (holding its cookie) and gets the victim to open its
    // IdP link; the victim's browser posts the victim's answer. The attacker cannot collect it.
    const lure = await signInAtIdp(victimIdentity.email, victimIdentity);
    const victimBrowser = new Client();
    assert.equal(await postAndCollect(lure.fields, victimBrowser), "/login?sso_error=SSO_EXPIRED");
    for (const collect of [undefined, "A".repeat(43)]) {
      assert.equal(landing(lure.browser, await lure.browser.request(collectPath(lure.requestId, collect))), "/login?sso_error=SSO_EXPIRED", String(collect));
    }
    assert.ok(!hasSession(lure.browser) && !hasSession(victimBrowser), "neither browser holds the victim's session");

    // The browser that started and posted collects, once; a collect before the answer spends nothing.
    const own = await signInAtIdp(attacker.email, attacker);
    assert.equal(landing(own.browser, await own.browser.request(collectPath(own.requestId))), "/login?sso_error=SSO_EXPIRED");
    const acs = await postToAcs(SAML_SAMPLE_CONNECTION_ID, own.fields);
    const location = new URL(acs.headers.get("location") ?? "");
    const path = `${location.pathname}${location.search}`;
    assert.equal(landing(own.browser, await own.browser.request(path)), "/dashboard");
    assert.ok(own.browser.cookies.has("ACCESS_TOKEN"));
    assert.equal(landing(own.browser, await own.browser.request(path)), "/login?sso_error=SSO_EXPIRED");
  });

  test("the same answer posted again is refused (SAML_REPLAYED), and the login page says why", async () => {
    const identity = employee();
    await onboarded(identity);
    const started = await signInAtIdp(identity.email, identity);
    assert.equal(await postAndCollect(started.fields, started.browser), "/dashboard");
    const replayer = new Client();
    assert.equal(await postAndCollect(started.fields, replayer), "/login?sso_error=SAML_REPLAYED");
    assert.ok(!hasSession(replayer));
    const page = await (await replayer.request("/login?sso_error=SAML_REPLAYED", { headers: { "accept-language": "en" } })).text();
    assert.match(page, /This company sign-in was already used or has expired/);
  });

  test("refused answers land on the login page with their code, and sign no one in: unsolicited, tampered, another audience, expired, cancelled", async () => {
    const unsolicitedXml = signSamlXml(responseXml(SAML_SAMPLE_CONNECTION_ID, null, { identity: employee() }), idpKeys, "assertion");
    const unsolicited = { ...(await signInAtIdp(`x@${SAML_SAMPLE_DOMAIN}`, employee())), fields: { SAMLResponse: base64(unsolicitedXml) } };
    const cases: [string, Started][] = [
      ["SAML_UNSOLICITED", unsolicited],
      ["SAML_SIGNATURE_INVALID", await forgedAnswer({}, (xml) => xml.replace(/(<saml:NameID[^>]*>)saml-/, "$1evil-"))],
      ["SAML_WRONG_AUDIENCE", await forgedAnswer({ audience: sp(randomUUID()).entityId })],
      ["SAML_EXPIRED", await forgedAnswer({ issuedAt: new Date(Date.now() - 10 * 60_000), lifetimeSeconds: 300 })],
      ["SAML_CANCELLED", await signInAtIdp(`x@${SAML_SAMPLE_DOMAIN}`, "cancel")],
    ];
    for (const [code, started] of cases) {
      assert.equal(await postAndCollect(started.fields, started.browser), `/login?sso_error=${code}`, code);
      assert.ok(!hasSession(started.browser), code);
    }
  });

  test("the landing is the start's next; a RelayState in the post, https://evil.test/ or a path, is ignored", async () => {
    const identity = employee();
    await onboarded(identity);
    for (const [next, relayState, landing] of [
      ["/dashboard/todo", "https://evil.test/", "/dashboard/todo"],
      [undefined, "/dashboard/settings", "/dashboard"],
      ["https://evil.test/", undefined, "/dashboard"],
    ] as const) {
      const started = await signInAtIdp(identity.email, identity, next);
      const fields = relayState === undefined ? started.fields : { ...started.fields, RelayState: relayState };
      assert.equal(await postAndCollect(fields, started.browser), landing, `${next} ${relayState}`);
      assert.ok(started.browser.cookies.has("ACCESS_TOKEN"));
    }
  });

  test("a body over the cap is refused with 413 before it is read; a post without SAMLResponse is 400", async () => {
    const huge = await postToAcs(SAML_SAMPLE_CONNECTION_ID, { SAMLResponse: "A".repeat(600 * 1024) });
    assert.equal(huge.status, 413);
    const empty = await postToAcs(SAML_SAMPLE_CONNECTION_ID, { RelayState: "/dashboard" });
    assert.equal(empty.status, 400);
  });

  test("SSO required for a SAML domain: password sign-in is refused; the start goes to the IdP", async () => {
    const { client: admin } = await signedInAdmin();
    const domain = randomDomain();
    const { email } = await signUpVerified();
    const companyEmail = `member-${Date.now()}@${domain}`;
    await testDb().query(`UPDATE "User" SET email = $1 WHERE email = $2`, [companyEmail, email]);
    await createSamlConnection(admin, domain, { ssoRequired: true });
    const login = await new Client().post("/api/auth/login", { email: companyEmail, password: PASSWORD });
    assert.equal(login.status, 403);
    assert.equal(((await login.json()) as { error: { code: string } }).error.code, "SSO_REQUIRED");
    const redirect = await startCompanySignIn(new Client(), companyEmail);
    assert.equal(`${redirect.origin}${redirect.pathname}`, `${env.TEST_SAML_IDP_URL}/sso`);
  });
});

describe("managing SAML connections", () => {
  test("an administrator creates one from the IdP's metadata URL or pasted XML (audited); bad metadata is refused; a USER gets 403", async () => {
    const { client: admin, email: adminEmail } = await signedInAdmin();
    const domain = randomDomain();
    const { id } = await createSamlConnection(admin, domain);
    interface Listed {
      id: string;
      saml: { idpEntityId: string; ssoUrl: string; metadataUrl: string; sp: { entityId: string; acsUrl: string; certificate: string } } | null;
    }
    const listed = (await (await admin.request("/api/admin/sso/connections")).json()) as { connections: Listed[] };
    const saml = listed.connections.find((connection) => connection.id === id)?.saml;
    assert.deepEqual(saml && { ...saml, sp: { ...saml.sp, certificate: saml.sp.certificate.replace(/\s+/g, "") } }, {
      idpEntityId: `${env.TEST_SAML_IDP_URL}/metadata`,
      ssoUrl: `${env.TEST_SAML_IDP_URL}/sso`,
      metadataUrl: `${env.TEST_SAML_IDP_URL}/metadata`,
      sp: { ...sp(id), certificate: env.TEST_SAML_SP_CERTIFICATE.replace(/\s+/g, "") },
    });
    const { rows } = await testDb().query(`SELECT reason FROM "AuditLog" WHERE action = 'SSO_CONNECTION_CREATED' AND "actorEmail" = $1`, [adminEmail]);
    assert.match(rows[0]?.reason ?? "", new RegExp(`SAML ${domain}.*\\(SAML\\), IdP ${env.TEST_SAML_IDP_URL}/metadata, metadata from `));

    const xml = idpMetadata("https://idp.pasted.test/metadata", "https://idp.pasted.test/sso", env.TEST_SAML_IDP_CERTIFICATE);
    const pasted = await admin.post("/api/admin/sso/connections", { protocol: "SAML", name: "Pasted", saml: { metadataXml: xml }, reason: "pasted metadata" });
    assert.equal(pasted.status, 201, await pasted.clone().text());
    // New metadata later (the IdP moved or rolled its key over): loaded and audited; not for an OIDC connection.
    const changed = await admin.request(`/api/admin/sso/connections/${id}`, { method: "PATCH", json: { saml: { metadataXml: xml }, reason: "the IdP moved" } });
    assert.equal(changed.status, 200, await changed.clone().text());
    assert.equal(((await changed.json()) as { connection: Listed }).connection.saml?.idpEntityId, "https://idp.pasted.test/metadata");
    const { rows: updates } = await testDb().query(`SELECT reason FROM "AuditLog" WHERE action = 'SSO_CONNECTION_UPDATED' AND "actorEmail" = $1`, [adminEmail]);
    assert.match(updates[0]?.reason ?? "", /new IdP https:\/\/idp\.pasted\.test\/metadata, metadata pasted/);
    const onOidc = await admin.request(`/api/admin/sso/connections/${SAMPLE_CONNECTION_ID}`, { method: "PATCH", json: { saml: { metadataXml: xml }, reason: "wrong protocol" } });
    assert.equal(onOidc.status, 409);
    const withoutCertificate = idpMetadata("https://idp.pasted.test/metadata", "https://idp.pasted.test/sso", null);
    const refused = await admin.post("/api/admin/sso/connections", { protocol: "SAML", name: "Bad", saml: { metadataXml: withoutCertificate }, reason: "bad metadata" });
    assert.equal(refused.status, 400);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "SAML_METADATA_INVALID");
    const both = await admin.post("/api/admin/sso/connections", { protocol: "SAML", name: "Both", saml: { metadataXml: xml, metadataUrl: "https://idp.pasted.test/metadata" }, reason: "both" });
    assert.equal(both.status, 400);

    const { client: user } = await signedInUser();
    const forbidden = await user.post("/api/admin/sso/connections", { protocol: "SAML", name: "Mine", saml: { metadataUrl: `${env.TEST_SAML_IDP_URL}/metadata` }, reason: "not mine to make" });
    assert.equal(forbidden.status, 403);
  });
});
