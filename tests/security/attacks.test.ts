// A black-box attack suite over HTTP against the production build. Each case names the secure
// behaviour it expects; docs/security.md maps them to OWASP ASVS 5.0.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { forgeToken, unsignedToken, validClaims } from "../helpers/tokens";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

async function me(token: string): Promise<number> {
  const client = new Client();
  client.setCookie("ACCESS_TOKEN", token);
  return (await client.request("/api/todos")).status;
}

describe("forged and misused tokens are refused by the API (V9.1, V9.2)", async () => {
  const { client } = await signedInUser();
  const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
  const refresh = client.cookies.get("REFRESH_TOKEN")?.value ?? "";
  const real = JSON.parse(Buffer.from(access.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const cases: [string, () => Promise<string>][] = [
    ["the genuine token (control)", async () => access],
    ["alg none", async () => unsignedToken(real)],
    ["signed with another key", async () => forgeToken(real, { secret: "an attacker's secret that is long enough!" })],
    ["HS512 with the right key", async () => forgeToken(real, { alg: "HS512" })],
    ["RS256 with the attacker's key embedded as jwk", async () => new SignJWT(real).setProtectedHeader({ alg: "RS256", jwk: await exportJWK(publicKey) }).sign(privateKey)],
    ["a jku header pointing at the attacker", async () => forgeToken(real, { secret: "an attacker's secret that is long enough!", header: { jku: "https://evil.example/jwks" } })],
    ["claims changed under the old signature", async () => `${access.split(".")[0]}.${Buffer.from(JSON.stringify({ ...real, sub: "someone-else" })).toString("base64url")}.${access.split(".")[2]}`],
    ["expired", async () => forgeToken({ ...real, iat: now - 2000, exp: now - 1000 })],
    ["not yet valid", async () => forgeToken({ ...real, nbf: now + 3600 })],
    ["without jti", async () => forgeToken(Object.fromEntries(Object.entries(real).filter(([key]) => key !== "jti")))],
    ["the refresh token as an access token", async () => refresh],
    ["an ONBOARDING token", async () => forgeToken({ ...real, tokenType: "ONBOARDING" })],
    ["an EMAIL_VERIFY token", async () => forgeToken({ ...real, tokenType: "EMAIL_VERIFY" })],
    ["a PASSWORD_RESET token", async () => forgeToken({ ...real, tokenType: "PASSWORD_RESET" })],
    ["correctly signed, for a session that does not exist", async () => forgeToken(validClaims({ sub: String(real.sub), sid: crypto.randomUUID() }))],
    ["correctly signed, without a session at all", async () => forgeToken(validClaims({ sub: String(real.sub) }))],
  ];
  for (const [name, make] of cases) {
    const expected = name.includes("control") ? 200 : 401;
    test(`${name} → ${expected}`, async () => assert.equal(await me(await make()), expected));
  }
});

describe("redirects stay on this site (V3.7.2)", () => {
  const payloads = ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "%2F%2Fevil.example", "/%09/evil.example"];
  for (const payload of payloads) {
    test(`next=${payload} never leaves the site`, async () => {
      const { client } = await signedInUser();
      client.cookies.delete("ACCESS_TOKEN");
      const viaRefresh = await client.request(`/api/auth/token/refresh?next=${encodeURIComponent(payload)}`);
      assert.equal(new URL(client.location(viaRefresh)).origin, client.base);
      const viaLogin = await client.request(`/login?next=${encodeURIComponent(payload)}`);
      assert.equal(new URL(client.location(viaLogin)).origin, client.base);
    });
  }
});

describe("hostile bodies are refused before they reach the database (V1.2.4, V2.2.1, V4)", async () => {
  const { client } = await signedInUser();
  const todo = ((await (await client.post("/api/todos", { title: "target" })).json()) as { todo: { id: string } }).todo;
  const writes: [string, string][] = [
    ["POST", "/api/auth/login"],
    ["POST", "/api/auth/signup"],
    ["POST", "/api/auth/verify/resend"],
    ["POST", "/api/auth/password/forgot"],
    ["POST", "/api/auth/password/reset"],
    ["POST", "/api/todos"],
    ["PATCH", `/api/todos/${todo.id}`],
    ["POST", "/api/events"],
    ["POST", "/api/bucket-items"],
    ["PATCH", "/api/settings"],
  ];
  const injections = [
    { email: { $ne: null }, password: { $gt: "" }, title: { $ne: "" }, token: { $exists: true } },
    { email: ["a@example.test"], password: ["x"], title: ["x"], token: ["x"], timeZone: ["UTC"] },
    { email: 1, password: true, title: 42, token: 7, weekStartsOn: "1; DROP TABLE" },
  ];
  for (const [method, path] of writes) {
    test(`${method} ${path}: operator objects and wrong types → 400; oversized → 413; non-JSON → 415`, async () => {
      for (const body of injections) {
        const response = await client.request(path, { method, json: body });
        assert.equal(response.status, 400, `${path} ${JSON.stringify(body)}`);
      }
      const huge = await client.request(path, { method, json: { title: "x".repeat(40_000) } });
      assert.equal(huge.status, 413, path);
      const form = await client.request(path, { method, body: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
      assert.equal(form.status, 415, path);
    });
  }
});

describe("stored script payloads come back as inert data (V1.2, V3.2.2)", () => {
  const payloads = [`<script>alert("x")</script>`, `<img src=x onerror=alert(1)>`, `"><svg/onload=alert(1)>`, `'); DROP TABLE "User"; --`];
  test("every text field stores them verbatim and answers JSON, never HTML", async () => {
    const { client } = await signedInUser();
    for (const payload of payloads) {
      const todo = await client.post("/api/todos", { title: payload });
      assert.equal(todo.status, 201);
      assert.match(todo.headers.get("content-type") ?? "", /^application\/json/);
      assert.equal(((await todo.json()) as { todo: { title: string } }).todo.title, payload);
      const event = await client.post("/api/events", { title: payload, description: payload, location: payload.slice(0, 200), startsAt: "2027-01-01T00:00:00Z", endsAt: "2027-01-01T01:00:00Z" });
      assert.equal(((await event.json()) as { event: { description: string } }).event.description, payload);
      const item = await client.post("/api/bucket-items", { title: payload, description: payload });
      assert.equal(((await item.json()) as { item: { title: string } }).item.title, payload);
    }
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM "User"`);
    assert.ok(rows[0].n > 0, "the tables are all still there");
  });
});

// Found by an outside attack run: each of these answered a 500 before.
describe("input the database or the router cannot take is a 4xx JSON error, never a 500 (V16.5.3, V2.2.1)", () => {
  async function errorCode(response: Response): Promise<string> {
    assert.match(response.headers.get("content-type") ?? "", /^application\/json/, `${response.status} ${response.url}`);
    return ((await response.json()) as { error: { code: string } }).error.code;
  }

  test("a NUL character (U+0000) in any text field or query value → 400 naming the field", async () => {
    const { client } = await signedInUser();
    const nul = "trip\u0000planning";
    const todo = await client.post("/api/todos", { title: nul });
    assert.equal(todo.status, 400);
    assert.deepEqual(Object.keys(((await todo.clone().json()) as { error: { fields: object } }).error.fields), ["title"]);
    const event = await client.post("/api/events", { title: "ok", description: nul, startsAt: "2027-01-01T00:00:00Z", endsAt: "2027-01-01T01:00:00Z" });
    assert.equal(event.status, 400);
    assert.equal((await client.post("/api/bucket-items", { title: "ok", achievedNote: "x", description: nul })).status, 400);
    assert.equal((await client.request("/api/auth/me", { method: "PATCH", json: { nickname: nul } })).status, 400);
    assert.equal((await client.post("/api/auth/login", { email: "a@example.test", password: nul })).status, 400, "refused at the boundary, like every other field");
    const query = await client.request("/api/events?from=2027-01-01T00:00:00Z%00&to=2027-01-02T00:00:00Z");
    assert.equal(query.status, 400);
    assert.equal(await errorCode(query), "INVALID_INPUT");
  });

  test("a malformed percent-escape in a dynamic path segment → 400 JSON, not the framework's plain-text 500", async () => {
    const { client } = await signedInUser();
    for (const [method, path] of [
      ["PATCH", "/api/todos/%E0%A4%A"],
      ["DELETE", "/api/events/%"],
      ["DELETE", "/api/auth/passkeys/%ZZ"],
      ["DELETE", "/api/auth/sessions/%C0%AF"],
      ["GET", "/api/auth/oauth/callback/%"],
    ] as const) {
      const response = await client.request(path, { method, json: method === "PATCH" ? { title: "x" } : undefined });
      assert.ok(response.status >= 400 && response.status < 500, `${method} ${path} → ${response.status}`);
      assert.equal(await errorCode(response), "INVALID_INPUT");
    }
  });
});
