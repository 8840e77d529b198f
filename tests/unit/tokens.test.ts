import assert from "node:assert/strict";
import { before, describe, mock, test } from "node:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { signToken, TOKEN_LIFETIME_SECONDS, verifyToken, type TokenType } from "@/lib/auth/tokens";
import { forgeToken, unsignedToken, validClaims } from "../helpers/tokens";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const TYPES = Object.keys(TOKEN_LIFETIME_SECONDS) as TokenType[];

before(() => {
  process.env.AUTH_SECRET = SECRET;
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
    const token = await forgeToken(validClaims({ iat: now - 1000, exp: now - 10 }), { secret: SECRET });
    assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "expired" });
  });

  test("a correctly formed token is accepted (control for the cases below)", async () => {
    assert.equal((await verifyToken(await forgeToken(validClaims(), { secret: SECRET }), "ACCESS")).ok, true);
  });

  test("signed with another key", async () => {
    const token = await forgeToken(validClaims(), { secret: "another-secret-that-is-also-long-enough-000" });
    assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "invalid" });
  });

  test("alg none", async () => {
    assert.equal((await verifyToken(unsignedToken(validClaims()), "ACCESS")).ok, false);
  });

  test("HS512 with the right key (algorithm not pinned would accept it)", async () => {
    assert.equal((await verifyToken(await forgeToken(validClaims(), { secret: SECRET, alg: "HS512" }), "ACCESS")).ok, false);
  });

  test("RS256 with the attacker's key embedded as jwk, jku and kid headers", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    const jwk = await exportJWK(publicKey);
    const token = await new SignJWT(validClaims()).setProtectedHeader({ alg: "RS256", typ: "JWT", jwk, jku: "https://evil.example/jwks.json", kid: "attacker" }).sign(privateKey);
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
  });

  test("HS256 with the right key but a kid header pointing elsewhere is still checked against our key only", async () => {
    const token = await forgeToken(validClaims(), { secret: "attacker-secret-attacker-secret-attacker", header: { kid: "../../dev/null" } });
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
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
      assert.equal((await verifyToken(await forgeToken(claims, { secret: SECRET }), "ACCESS")).ok, false);
    });
  }

  test("wrong issuer", async () => {
    assert.equal((await verifyToken(await forgeToken(validClaims({ iss: "someone-else" }), { secret: SECRET }), "ACCESS")).ok, false);
  });

  test("wrong audience", async () => {
    assert.equal((await verifyToken(await forgeToken(validClaims({ aud: "another-app" }), { secret: SECRET }), "ACCESS")).ok, false);
  });

  test("issued in the future", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await forgeToken(validClaims({ iat: now + 3600, exp: now + 7200 }), { secret: SECRET });
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
  });

  test("not yet valid (nbf in the future)", async () => {
    const token = await forgeToken(validClaims({ nbf: Math.floor(Date.now() / 1000) + 3600 }), { secret: SECRET });
    assert.equal((await verifyToken(token, "ACCESS")).ok, false);
  });

  test("an unknown token type, and claims of the wrong JSON type", async () => {
    for (const claims of [validClaims({ tokenType: "ADMIN" }), validClaims({ sub: 42 as unknown as string }), validClaims({ email: ["a"] }), validClaims({ sid: {} })]) {
      assert.equal((await verifyToken(await forgeToken(claims, { secret: SECRET }), "ACCESS")).ok, false);
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
    const token = await forgeToken(validClaims({ iat: now, exp: now + 60 }), { secret: SECRET });
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

  test("once the secret has changed", async () => {
    const { token } = await signToken("ACCESS", { sub: "u1", email: "a@example.test" });
    assert.equal((await verifyToken(token, "ACCESS")).ok, true);
    process.env.AUTH_SECRET = "a-rotated-secret-that-is-long-enough-0123456789";
    try {
      assert.deepEqual(await verifyToken(token, "ACCESS"), { ok: false, reason: "invalid" });
    } finally {
      process.env.AUTH_SECRET = SECRET;
    }
    assert.equal((await verifyToken(token, "ACCESS")).ok, true, "checked in full again under the old secret");
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
