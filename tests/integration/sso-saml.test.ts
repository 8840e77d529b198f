import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { after, before, describe, test } from "node:test";
import { buildSamlResponse, idpMetadata, SAML_TEST_IDENTITIES, signSamlXml, type SamlResponseOptions } from "../../scripts/saml-idp";
import { generateSamlKeyPair } from "../../scripts/saml-keys";
import { closeTestDb, testDb } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { answerAtIdp, startSamlWorker, type SamlWorker } from "../helpers/saml";

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

// A sign-in started by the app: the browser's redirect and the AuthnRequest's id in it.
async function begin(connectionId: string, relayState = "/dashboard"): Promise<{ redirectUrl: string; requestId: string }> {
  const started = await worker.call("startSamlSignIn", { connectionId, idp, origin, relayState });
  assert.equal(started.code, undefined);
  const { redirectUrl } = started.result as { redirectUrl: string };
  const request = inflateRawSync(Buffer.from(new URL(redirectUrl).searchParams.get("SAMLRequest") ?? "", "base64")).toString("utf8");
  const requestId = /\sID="([^"]+)"/.exec(request)?.[1];
  assert.ok(requestId, request);
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
  test("a sign-in through the IdP's picker returns its identity (Korean name kept), with the RelayState, at the connection's ACS URL; the request is spent", async () => {
    const connectionId = randomUUID();
    const { redirectUrl, requestId } = await begin(connectionId, "/dashboard?view=week");
    assert.ok(redirectUrl.startsWith(`${env.TEST_SAML_IDP_URL}/sso?`));
    assert.ok(new URL(redirectUrl).searchParams.get("Signature"), "the AuthnRequest is signed");
    const answer = await answerAtIdp(redirectUrl, 0);
    assert.equal(answer.acsUrl, sp(connectionId).acsUrl);
    assert.equal(answer.relayState, "/dashboard?view=week");
    const done = await finish(connectionId, answer.samlResponse);
    assert.deepEqual(done, { id: done.id, result: { subject: minji.nameId, email: minji.email, name: "김민지" } });
    const { rows } = await testDb().query(`SELECT "connectionId", "usedAt" FROM "SamlRequest" WHERE id = $1`, [requestId]);
    assert.equal(rows[0]?.connectionId, connectionId);
    assert.ok(rows[0]?.usedAt, "spent");
    // The same response again: the request it answers is spent.
    assert.equal((await finish(connectionId, answer.samlResponse)).code, "SAML_REPLAYED");
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
    assert.deepEqual(ok.result, { subject: seojun.nameId, email: seojun.email, name: seojun.name });

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
