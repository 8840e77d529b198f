import assert from "node:assert/strict";
import { before, describe, mock, test } from "node:test";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { rotateKeyRing } from "@/lib/auth/key-ring";
import { RETIRED_KEY_GRACE_SECONDS, signToken, TOKEN_LIFETIME_SECONDS, verifyToken, type TokenType } from "@/lib/auth/tokens";
import { forgeToken, unsignedToken, validClaims as claimsFor } from "../helpers/tokens";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const ISSUER = "https://planner.example";
const TYPES = Object.keys(TOKEN_LIFETIME_SECONDS) as TokenType[];
let RING = "";

const validClaims = (overrides: JWTPayload = {}) => claimsFor(overrides, ISSUER);
// An access token as the server signs it: with the ring's current key.
const asServer = (claims: JWTPayload) => forgeToken(claims, { ring: RING });

before(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.APP_URL = ISSUER;
  RING = JSON.stringify((await rotateKeyRing(null, { now: Math.floor(Date.now() / 1000), alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
  process.env.AUTH_SIGNING_KEYS = RING;
});

describe("token lifetimes follow the design", () => {
  test("ACCESS 15 min, REFRESH 14 days, ONBOARDING, EMAIL_VERIFY, PASSWORD_RESET and EMAIL_CHANGE 30 min, EMAIL_REVERT 7 days, MFA 5 min", async () => {
    const expected: Record<TokenType, number> = {
      ACCESS: 900,
      REFRESH: 1_209_600,
      ONBOARDING: 1_800,
      EMAIL_VERIFY: 1_800,
      PASSWORD_RESET: 1_800,
      EMAIL_CHANGE: 1_800,
      EMAIL_REVERT: 604_800,
      MFA: 300,
    };
    for (const type of TYPES) {
      const { token } = await signToken(type, { sub: "u1", email: "a@example.test" });
      const result = await verifyToken(token, type);
      assert.ok(result.ok, type);
      assert.equal(result.claims.exp - result.claims.iat, expected[type], type);
    }
  });

  test("every token carries sub, email, tokenType, iat, exp, jti, iss and aud, and a fresh jti", async () => {
    const first = await signToken("ACCESS", { sub: "u1", email: "a@example.test", sid: "s1" });
    const second = await signToken("ACCESS", { sub: "u1", email: "a@example.test", sid: "s1" });
    const payload = JSON.parse(Buffer.from(first.token.split(".")[1] ?? "", "base64url").toString());
    for (const claim of ["sub", "email", "tokenType", "iat", "exp", "jti", "iss", "aud"]) assert.ok(claim in payload, claim);
    assert.notEqual(first.jti, second.jti);
  });
});

describe("a token is accepted only where its type is required", () => {
  for (const issued of TYPES) {
    for (const required of TYPES) {
      test(`${issued} token where ${required} is required → ${issued === required ? "accepted" : "refused"}`, async () => {
        const { token } = await signToken(issued, { sub: "u1", email: "a@example.test" });
        assert.equal((await verifyToken(token, required)).ok, issued === required);
      });
    }
  }
});

describe("forged and broken tokens are refused", () => {
  test("a token past its exp is refused as expired", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await asServer(validClaims({ iat: now - 1000, exp: now - 10 }));
    assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "expired" });
  });

  test("a correctly formed token is accepted (control for the cases below)", async () => {
    assert.equal((await verifyToken(await asServer(validClaims()), "ACCESS")).ok, true);
  });

  test("signed with another key", async () => {
    const token = await forgeToken(validClaims(), { secret: "another-secret-that-is-also-long-enough-000" });
    assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "invalid" });
  });

  test("alg none", async () => {
    assert.equal((await verifyToken(unsignedToken(validClaims()), "ACCESS")).ok, false);
  });

  test("HS512 and HS256 under AUTH_SECRET where an access token is required (only the ring signs those)", async () => {
    for (const alg of ["HS512", "HS256"]) assert.equal((await verifyToken(await forgeToken(validClaims(), { secret: SECRET, alg }), "ACCESS")).ok, false, alg);
  });

  test("HS256 whose HMAC key is the ring's public key, with the ring's kid (algorithm confusion)", async () => {
    const current = JSON.parse(RING).keys[0];
    const publicJwk = JSON.stringify({ kty: current.kty, crv: current.crv, x: current.x, y: current.y });
    for (const secret of [publicJwk, current.x, `${current.x}${current.y}`]) {
      const token = await forgeToken(validClaims(), { secret, alg: "HS256", header: { kid: current.kid } });
      assert.equal((await verifyToken(token, "ACCESS")).ok, false);
    }
  });

  test("a kid the ring does not hold, and no kid at all", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    for (const header of [
      { alg: "ES256", typ: "JWT", kid: "unknown-kid-0000" },
      { alg: "ES256", typ: "JWT" },
    ]) {
      const token = await new SignJWT(validClaims()).setProtectedHeader(header).sign(privateKey);
      assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "invalid" });
    }
  });

  test("the ring's own key, but a jku, x5u or embedded jwk header is there: refused outright", async () => {
    const { publicKey } = await generateKeyPair("ES256");
    const jwk = await exportJWK(publicKey);
    for (const header of [{ jku: "https://evil.example/jwks.json" }, { x5u: "https://evil.example/cert.pem" }, { jwk }]) {
      assert.equal((await verifyToken(await forgeToken(validClaims(), { ring: RING, header }), "ACCESS")).ok, false, Object.keys(header)[0]);
    }
  });

  test("RS256 with the attacker's key embedded as jwk, jku and kid headers", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = await exportJWK(publicKey);
    const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: "RS256", typ: "JWT", jwk, jku: "https://evil.example/jwks.json", kid: "attacker" }).sign(privateKey);
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
  });

  test("an HMAC token with a kid header pointing elsewhere is still checked against our key only", async () => {
    const token = await forgeToken(validClaims({ tokenType: "REFRESH" }), { secret: "attacker-secret-attacker-secret-attacker", header: { kid: "../../dev/null" } });
    assert.equal((await verifyToken(token, "REFRESH")).ok, false);
  });

  test("a tampered payload keeps the old signature", async () => {
    const token = await forgeToken(validClaims({ tokenType: "REFRESH" }), { secret: SECRET });
    const [header, , signature] = token.split(".");
    const payload = Buffer.from(JSON.stringify(validClaims({ tokenType: "ACCESS" }))).toString("base64url");
    assert.equal((await verifyToken(`${header}.${payload}.${signature}`, "ACCESS")).ok, false);
  });

  for (const claim of ["sub", "email", "tokenType", "iat", "exp", "jti"]) {
    test(`missing ${claim}`, async () => {
      const claims = validClaims();
      delete claims[claim];
      assert.equal((await verifyToken(await asServer(claims), "ACCESS")).ok, false);
    });
  }

  test("wrong issuer", async () => {
    assert.equal((await verifyToken(await asServer(validClaims({ iss: "someone-else" })), "ACCESS")).ok, false);
  });

  test("wrong audience", async () => {
    assert.equal((await verifyToken(await asServer(validClaims({ aud: "another-app" })), "ACCESS")).ok, false);
  });

  test("issued in the future", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await asServer(validClaims({ iat: now + 3600, exp: now + 7200 }));
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
  });

  test("not yet valid (nbf in the future)", async () => {
    const token = await asServer(validClaims({ nbf: Math.floor(Date.now() / 1000) + 3600 }));
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
  });

  test("an unknown token type, and claims of the wrong JSON type", async () => {
    for (const claims of [validClaims({ tokenType: "ADMIN" }), validClaims({ sub: 42 as unknown as string }), validClaims({ email: ["a"] }), validClaims({ sid: {} })]) {
      assert.equal((await verifyToken(await asServer(claims), "ACCESS")).ok, false);
    }
  });

  test("garbage, empty and missing tokens", async () => {
    for (const token of [undefined, "", "abc", "a.b.c", "....", "eyJhbGciOiJIUzI1NiJ9.e30."]) {
      assert.equal((await verifyToken(token, "ACCESS")).ok, false);
    }
  });
});

// verifyToken remembers the tokens that passed; each case below first has the token pass once.
describe("a token that passed once is still refused when it should be", () => {
  test("once its exp has passed, as expired", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await asServer(validClaims({ iat: now, exp: now + 60 }));
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
    mock.timers.enable({ apis: ["Date"], now: (now + 60) * 1000 });
    try {
      assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "expired" });
      assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "expired" });
    } finally {
      mock.timers.reset();
    }
  });

  test("where another type is required", async () => {
    const { token } = await signToken("ACCESS", { sub: "u1", email: "a@example.test" });
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
    assert.deepEqual(await verifyToken(token, "REFRESH"), { ok: false, reason: "invalid" });
    assert.deepEqual(await verifyToken(token, "PASSWORD_RESET"), { ok: false, reason: "invalid" });
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
  });

  test("once the secret has changed, without the old one as AUTH_SECRET_PREVIOUS", async () => {
    const { token } = await signToken("REFRESH", { sub: "u1", email: "a@example.test" });
    assert.equal((await verifyToken(token, "REFRESH")).ok, true);
    process.env.AUTH_SECRET = "a-rotated-secret-that-is-long-enough-0123456789";
    try {
      assert.deepEqual(await verifyToken(token, "REFRESH"), { ok: false, reason: "invalid" });
    } finally {
      process.env.AUTH_SECRET = SECRET;
    }
    assert.equal((await verifyToken(token, "REFRESH")).ok, true, "checked in full again under the old secret");
  });

  test("once its signing key has left the ring", async () => {
    const { token } = await signToken("ACCESS", { sub: "u1", email: "a@example.test" });
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
    process.env.AUTH_SIGNING_KEYS = JSON.stringify((await rotateKeyRing(null, { now: 0, alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
    try {
      assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "invalid" });
    } finally {
      process.env.AUTH_SIGNING_KEYS = RING;
    }
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
  });

  test("with one character of its signature or payload changed", async () => {
    const { token } = await signToken("ACCESS", { sub: "u1", email: "a@example.test", role: "USER" });
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === "A" ? "B" : "A"}${text.slice(at + 1)}`;
    const promoted = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, "base64url").toString()), role: "ADMIN" })).toString("base64url");
    for (const changed of [`${header}.${payload}.${flip(signature, 3)}`, `${header}.${promoted}.${signature}`, token.slice(0, -1)]) {
      assert.deepEqual(await verifyToken(changed, "ACCESS"), { ok: false, reason: "invalid" }, changed);
    }
  });

  test("its claims cannot be changed by a caller for the next one", async () => {
    const { token } = await signToken("ACCESS", { sub: "u1", email: "a@example.test", role: "USER" });
    const first = await verifyToken(token, "ACCESS");
    assert.ok(first.ok);
    assert.throws(() => Object.assign(first.claims, { role: "ADMIN" }));
    const second = await verifyToken(token, "ACCESS");
    assert.equal(second.ok && second.claims.role, "USER");
  });
});

test("a secret shorter than 32 bytes is refused outright", async () => {
  process.env.AUTH_SECRET = "too-short";
  try {
    await assert.rejects(signToken("ACCESS", { sub: "u1", email: "a@example.test" }), /at least 32 bytes/);
  } finally {
    process.env.AUTH_SECRET = SECRET;
  }
});

describe("a key rotation signs nobody out", () => {
  const step = async (ring: string, now: number, alg: "ES256" | "EdDSA" = "ES256") =>
    JSON.stringify((await rotateKeyRing(JSON.parse(ring), { now, alg, graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
  const withRing = async <T>(ring: string, run: () => Promise<T>): Promise<T> => {
    process.env.AUTH_SIGNING_KEYS = ring;
    try {
      return await run();
    } finally {
      process.env.AUTH_SIGNING_KEYS = RING;
    }
  };
  const access = () => signToken("ACCESS", { sub: "u1", email: "a@example.test" }).then(({ token }) => token);
  const accepted = async (token: string) => (await verifyToken(token, "ACCESS")).ok;

  test("old key's tokens pass while it is next's predecessor and while retired, then are refused; the new kid passes everywhere", async () => {
    const start = Math.floor(Date.now() / 1000);
    const before = await withRing(RING, access);
    const prepared = await step(RING, start);
    // An instance already on the prepared ring still signs with the old key; one on the old ring
    // accepts what the prepared one signs.
    const fromPrepared = await withRing(prepared, access);
    assert.equal(await withRing(RING, () => accepted(fromPrepared)), true);
    assert.equal(await withRing(prepared, () => accepted(before)), true);
    const promoted = await step(prepared, start + 11 * 60);
    const afterPromotion = await withRing(promoted, access);
    assert.notEqual(JSON.parse(Buffer.from(afterPromotion.split(".")[0] ?? "", "base64url").toString()).kid, JSON.parse(Buffer.from(before.split(".")[0] ?? "", "base64url").toString()).kid);
    // Instances still on the prepared ring know the new key already: no one is signed out mid-deploy.
    assert.equal(await withRing(prepared, () => accepted(afterPromotion)), true);
    assert.equal(await withRing(promoted, () => accepted(before)), true, "retired, within its grace");
    // The retired key's window is measured from the promotion: once past it the key is ignored, and the next step removes it.
    mock.timers.enable({ apis: ["Date"], now: (start + 11 * 60 + RETIRED_KEY_GRACE_SECONDS + 1) * 1000 });
    try {
      const fresh = await withRing(promoted, access);
      assert.equal(await withRing(promoted, () => accepted(fresh)), true);
      const removed = await step(promoted, start + 11 * 60 + RETIRED_KEY_GRACE_SECONDS + 1);
      assert.equal(JSON.parse(removed).keys.filter((key: { status: string }) => key.status === "retired").length, 0);
    } finally {
      mock.timers.reset();
    }
  });

  test("a ring of EdDSA keys signs and verifies, and its tokens say so", async () => {
    const eddsa = JSON.stringify((await rotateKeyRing(null, { now: Math.floor(Date.now() / 1000), alg: "EdDSA", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
    const token = await withRing(eddsa, access);
    assert.equal(JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()).alg, "EdDSA");
    assert.equal(await withRing(eddsa, () => accepted(token)), true);
    assert.equal(await withRing(RING, () => accepted(token)), false);
  });

  test("HMAC tokens of the previous AUTH_SECRET pass while it is AUTH_SECRET_PREVIOUS", async () => {
    const { token } = await signToken("REFRESH", { sub: "u1", email: "a@example.test" });
    process.env.AUTH_SECRET = "a-rotated-secret-that-is-long-enough-0123456789";
    process.env.AUTH_SECRET_PREVIOUS = SECRET;
    try {
      assert.equal((await verifyToken(token, "REFRESH")).ok, true);
      const { token: fresh } = await signToken("REFRESH", { sub: "u1", email: "a@example.test" });
      delete process.env.AUTH_SECRET_PREVIOUS;
      assert.equal((await verifyToken(fresh, "REFRESH")).ok, true, "new tokens are signed with the new secret");
      assert.equal((await verifyToken(token, "REFRESH")).ok, false);
    } finally {
      process.env.AUTH_SECRET = SECRET;
      delete process.env.AUTH_SECRET_PREVIOUS;
    }
  });
});
