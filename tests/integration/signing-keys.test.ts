// The key ring as a resource server and an operator meet it: the JWKS and issuer metadata, the
// configuration checks, and a rotation deployed across instances that signs nobody out.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { rotateKeyRing } from "@/lib/auth/key-ring";
import { RETIRED_KEY_GRACE_SECONDS } from "@/lib/auth/tokens";
import { applyMigrations } from "../../scripts/migrate";
import { findFreePort } from "../../scripts/services";
import { runUntilExit, startApp } from "../helpers/app";
import { closeTestDb, createScratchDatabase, queryDatabase } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

after(() => closeTestDb());

const base = () => testEnv().TEST_BASE_URL;
const origin = () => new URL(base()).origin;
const kidOf = (token: string) => decodeProtectedHeader(token).kid;

test("the JWKS holds the public keys only, cacheable for less than a next key waits, and verifies the app's access tokens", async () => {
  const response = await fetch(`${base()}/.well-known/jwks.json`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^application\/jwk-set\+json/);
  assert.equal(response.headers.get("cache-control"), "public, max-age=300");
  const jwks = (await response.json()) as { keys: Record<string, unknown>[] };
  assert.equal(jwks.keys.length, 1);
  for (const key of jwks.keys) {
    for (const privatePart of ["d", "p", "q", "dp", "dq", "qi", "k", "status", "created_at"]) assert.ok(!(privatePart in key), privatePart);
    assert.equal(key.alg, "ES256");
    assert.equal(key.use, "sig");
  }
  const { client } = await signedInUser();
  const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
  assert.equal(kidOf(access), jwks.keys[0]?.kid);
  const { payload, protectedHeader } = await jwtVerify(access, createLocalJWKSet(jwks as never), { issuer: origin(), audience: "tropical-web" });
  assert.equal(protectedHeader.alg, "ES256");
  assert.equal(payload.tokenType, "ACCESS");
});

test("issuer metadata (RFC 8414) names the issuer the tokens carry and the JWKS a library can discover", async () => {
  const response = await fetch(`${base()}/.well-known/oauth-authorization-server`);
  assert.equal(response.status, 200);
  const metadata = (await response.json()) as { issuer: string; jwks_uri: string; introspection_endpoint: string };
  assert.equal(metadata.issuer, origin());
  assert.equal(metadata.jwks_uri, `${origin()}/.well-known/jwks.json`);
  assert.equal(metadata.introspection_endpoint, `${origin()}/api/auth/introspect`);
  const { client } = await signedInUser();
  const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
  await jwtVerify(access, createRemoteJWKSet(new URL(metadata.jwks_uri)), { issuer: metadata.issuer });
});

test("production refuses to start without a key ring, or with one that cannot sign, naming the variable", async () => {
  const good = { DATABASE_URL: "postgresql://app@127.0.0.1:1/app", SMTP_URL: "smtp://127.0.0.1:1", AUTH_SECRET: "s".repeat(32), APP_URL: "https://planner.example" };
  const missing = await runUntilExit(good);
  assert.equal(missing.code, 1);
  assert.match(missing.output, /^TropiCal cannot start: Invalid configuration: AUTH_SIGNING_KEYS is required in production \(create a key ring with `npm run keys:rotate`\)$/m);
  const ring = JSON.parse(testEnv().TEST_AUTH_SIGNING_KEYS) as { keys: Record<string, unknown>[] };
  const withoutPrivate = { keys: ring.keys.map(({ d: _d, ...rest }) => rest) };
  for (const [value, reason] of [
    ["not json", /AUTH_SIGNING_KEYS is not JSON/],
    [JSON.stringify(withoutPrivate), /AUTH_SIGNING_KEYS is not a valid key ring: the current key needs its private part \(d\)/],
    [JSON.stringify({ keys: ring.keys.map((key) => ({ ...key, status: "next" })) }), /needs exactly one current key/],
  ] as const) {
    const refused = await runUntilExit({ ...good, AUTH_SIGNING_KEYS: value });
    assert.equal(refused.code, 1);
    assert.match(refused.output, reason);
    assert.ok(!refused.output.includes(String(ring.keys[0]?.d)), "no key material in the message");
  }
});

test("a second-step secret sealed under a key the server lacks stops the start in one line; with the old secret as AUTH_SECRET_PREVIOUS it starts and moves the secret to the new key", async () => {
  const scratch = await createScratchDatabase("sealed");
  try {
    await applyMigrations(scratch.url, () => {});
    const { seal } = await import("@/lib/auth/secret-box");
    const oldSecret = "the secret before the rotation, long enough";
    await queryDatabase(scratch.url, `INSERT INTO "User" (id, email, "passwordHash", nickname, "totpSecret", "updatedAt") VALUES ($1, $2, 'x', 'Sealed', $3, now())`, [
      crypto.randomUUID(),
      `sealed-${crypto.randomUUID().slice(0, 8)}@example.test`,
      seal("JBSWY3DPEHPK3PXP", [oldSecret]),
    ]);
    const env = {
      DATABASE_URL: scratch.url,
      SMTP_URL: "smtp://127.0.0.1:9",
      AUTH_SECRET: testEnv().TEST_AUTH_SECRET,
      AUTH_SIGNING_KEYS: testEnv().TEST_AUTH_SIGNING_KEYS,
      APP_URL: "https://planner.example",
    };
    const refused = await runUntilExit(env);
    assert.equal(refused.code, 1);
    assert.match(refused.output, /^TropiCal cannot start: 1 two-step verification secret\(s\) are sealed under a key this server does not have \(key id [\w-]+\): set AUTH_SECRET_PREVIOUS/m);
    const url = await startApp("next start", { DATABASE_URL: scratch.url, AUTH_SECRET_PREVIOUS: oldSecret });
    assert.equal((await fetch(`${url}/api/health`)).status, 200);
    const { knownSealKeyIds } = await import("@/lib/auth/secret-box");
    const [current] = knownSealKeyIds([testEnv().TEST_AUTH_SECRET]);
    const deadline = Date.now() + 20_000;
    let sealed = "";
    while (Date.now() < deadline) {
      sealed = (await queryDatabase<{ totpSecret: string }>(scratch.url, `SELECT "totpSecret" FROM "User" WHERE nickname = 'Sealed'`))[0]?.totpSecret ?? "";
      if (sealed.startsWith(`v2.${current}.`)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.ok(sealed.startsWith(`v2.${current}.`), "sealed again under the current secret's key");
  } finally {
    await scratch.drop();
  }
});

// Four instances behind one origin, each on one stage of the rotation, the way a rolling deploy
// leaves them for a while; one user's cookies visit them all.
test("a full rotation, deployed instance by instance, signs nobody out; the removed key's tokens are refused", async () => {
  const now = Math.floor(Date.now() / 1000);
  const step = async (ring: string, at: number) => JSON.stringify((await rotateKeyRing(JSON.parse(ring), { now: at, alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
  const original = testEnv().TEST_AUTH_SIGNING_KEYS;
  // The stack signs with `original`; `prepared` publishes the next key; `promoted` signs with it
  // (dated as if the wait had passed); `final` has dropped the retired key.
  const prepared = await step(original, now - 20 * 60);
  const promoted = await step(prepared, now);
  const final = await step(promoted, now + RETIRED_KEY_GRACE_SECONDS + 1);
  const ports = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const shared = { APP_URL: base(), ALLOWED_ORIGINS: urls.join(",") };
  const [onPrepared, onPromoted, onFinal] = await Promise.all(
    [prepared, promoted, final].map((ring, index) => startApp("next start", { ...shared, PORT: String(ports[index]), AUTH_SIGNING_KEYS: ring })),
  );
  const { client } = await signedInUser();
  const visit = async (url: string, path: string, method = "GET") => {
    const at = client.at(url);
    const response = await at.request(path, { method });
    client.takeCookiesFrom(at);
    return response;
  };
  const accessKid = () => kidOf(client.cookies.get("ACCESS_TOKEN")?.value ?? "");
  const oldKid = accessKid();
  assert.equal((await visit(String(onPrepared), "/api/auth/me")).status, 200, "a prepared instance accepts the current key");
  assert.equal((await visit(String(onPromoted), "/api/auth/me")).status, 200, "a promoted instance accepts the retired key within its grace");
  assert.equal((await visit(String(onPromoted), "/api/auth/token/refresh", "POST")).status, 200);
  const newKid = accessKid();
  assert.notEqual(newKid, oldKid);
  assert.equal((await visit(String(onPrepared), "/api/auth/me")).status, 200, "an instance not yet promoted accepts the new key: it was published first");
  assert.equal((await visit(String(onFinal), "/api/auth/me")).status, 200);
  const jwks = (await (await fetch(`${onFinal}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
  assert.ok(!jwks.keys.some((key) => key.kid === oldKid), "the removed key is no longer published");
  // A token of the removed key (say, stolen before the rotation) is refused; the user's session goes on.
  const { forgeToken, validClaims } = await import("../helpers/tokens");
  const stale = await forgeToken(validClaims({ sub: "00000000-0000-0000-0000-000000000000" }), { ring: original });
  const thief = new Client(undefined, String(onFinal));
  thief.setCookie("ACCESS_TOKEN", stale);
  assert.equal((await thief.request("/api/auth/me")).status, 401);
});

test("an instance whose ring signs with EdDSA serves its users through the Edge middleware and publishes an OKP key", async () => {
  const eddsa = JSON.stringify((await rotateKeyRing(null, { now: Math.floor(Date.now() / 1000), alg: "EdDSA", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
  const port = await findFreePort();
  const url = await startApp("next start", { PORT: String(port), APP_URL: base(), ALLOWED_ORIGINS: `http://127.0.0.1:${port}`, AUTH_SIGNING_KEYS: eddsa });
  const { client } = await signedInUser();
  const there = client.at(url);
  assert.equal((await there.request("/api/auth/token/refresh", { method: "POST" })).status, 200);
  const access = there.cookies.get("ACCESS_TOKEN")?.value ?? "";
  assert.equal(decodeProtectedHeader(access).alg, "EdDSA");
  assert.equal((await there.request("/api/auth/me")).status, 200);
  assert.equal((await there.request("/dashboard")).status, 200, "a page behind the middleware");
  const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as { keys: { kty: string; crv: string }[] };
  assert.deepEqual(
    jwks.keys.map(({ kty, crv }) => [kty, crv]),
    [["OKP", "Ed25519"]],
  );
});
