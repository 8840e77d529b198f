import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { errorCode, makeClientStale, proveAgain } from "../helpers/step-up";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

const RANGE = "/api/events?from=2027-03-01T00:00:00Z&to=2027-03-31T00:00:00Z";
const EVENT = { title: "from a script", startsAt: "2027-03-02T10:00:00Z", endsAt: "2027-03-02T11:00:00Z" };

// A script: no cookies, no Origin, only the header it was given.
function script(token: string, path: string, options: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  return new Client().request(path, { ...options, sameOrigin: false, headers: { authorization: `Bearer ${token}`, ...options.headers } });
}

function accessTokenOf(client: Client): string {
  const token = client.cookies.get("ACCESS_TOKEN")?.value;
  assert.ok(token, "signed in");
  return token;
}

interface Created {
  token: string;
  personalToken: { id: string; name: string; scopes: string[]; prefix: string; expiresAt: string; lastUsedAt: string | null };
}

async function createToken(client: Client, body: Record<string, unknown> = {}): Promise<Created> {
  const response = await client.post("/api/auth/tokens", { name: "my script", scopes: ["planner:read"], expiresInDays: 30, ...body });
  assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
  return (await response.json()) as Created;
}

describe("Bearer access tokens", () => {
  test("an access token in the Authorization header reads and writes the planner API without cookies or Origin", async () => {
    const { client } = await signedInUser();
    const token = accessTokenOf(client);
    const created = await script(token, "/api/events", { method: "POST", json: EVENT });
    assert.equal(created.status, 201);
    const listed = await script(token, RANGE);
    assert.equal(listed.status, 200);
    assert.deepEqual(
      ((await listed.json()) as { events: { title: string }[] }).events.map((event) => event.title),
      ["from a script"],
    );
    assert.equal((await script(token, "/api/auth/me")).status, 200, "the full session, account routes included");
  });

  test("a request with both the cookie and a Bearer header is refused, not guessed", async () => {
    const { client } = await signedInUser();
    const other = await signedInUser();
    for (const bearer of [accessTokenOf(client), accessTokenOf(other.client)]) {
      for (const path of [RANGE, "/api/auth/me"]) {
        const response = await client.request(path, { headers: { authorization: `Bearer ${bearer}` } });
        assert.equal(response.status, 400, path);
        assert.equal(await errorCode(response), "AMBIGUOUS_CREDENTIALS");
      }
    }
    const write = await client.post("/api/events", EVENT, { headers: { authorization: `Bearer ${accessTokenOf(other.client)}` } });
    assert.equal(write.status, 400);
    assert.equal(await errorCode(write), "AMBIGUOUS_CREDENTIALS");
  });

  test("a refresh token, or any other token, as a Bearer is refused with a Bearer challenge", async () => {
    const { client } = await signedInUser();
    const refresh = client.cookies.get("REFRESH_TOKEN")?.value;
    assert.ok(refresh);
    for (const token of [refresh, `${accessTokenOf(client)}x`, "not-a-token"]) {
      const response = await script(token, RANGE);
      assert.equal(response.status, 401);
      assert.equal(await errorCode(response), "UNAUTHENTICATED");
      assert.match(response.headers.get("www-authenticate") ?? "", /^Bearer .*error="invalid_token"/);
    }
  });

  test("an access token of a session that signed out is refused as a Bearer at once", async () => {
    const { client } = await signedInUser();
    const token = accessTokenOf(client);
    assert.equal((await script(token, RANGE)).status, 200);
    assert.equal((await client.post("/api/auth/logout")).status, 204);
    const response = await script(token, RANGE);
    assert.equal(response.status, 401);
    assert.equal(await errorCode(response), "UNAUTHENTICATED");
  });

  test("the Origin check guards cookie writes; a Bearer write from anywhere needs none", async () => {
    const { client } = await signedInUser();
    const crossSite = await client.request("/api/events", { method: "POST", json: EVENT, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" }, sameOrigin: false });
    assert.equal(crossSite.status, 403);
    assert.equal(await errorCode(crossSite), "CROSS_SITE_REQUEST");
    assert.equal((await script(accessTokenOf(client), "/api/events", { method: "POST", json: EVENT })).status, 201);
    const foreign = await script(accessTokenOf(client), "/api/events", { method: "POST", json: EVENT, headers: { origin: "https://evil.example" } });
    assert.equal(foreign.status, 201, "no other site can make a browser send the header");
  });

  test("machine bearer secrets keep their own routes and open nothing else", async () => {
    const response = await script("any-machine-secret-at-all", "/api/cron/mail");
    assert.ok([401, 404].includes(response.status), `cron answered ${response.status}`);
    assert.equal((await script("any-machine-secret-at-all", RANGE)).status, 401);
  });
});

describe("personal access tokens", () => {
  test("a read token lists events but may not write; a write token writes", async () => {
    const { client } = await signedInUser();
    const read = await createToken(client, { scopes: ["planner:read"] });
    const write = await createToken(client, { name: "writer", scopes: ["planner:write"] });
    assert.match(read.token, /^tpat_[A-Za-z0-9_-]{43}$/);

    assert.equal((await script(read.token, RANGE)).status, 200);
    const refused = await script(read.token, "/api/events", { method: "POST", json: EVENT });
    assert.equal(refused.status, 403);
    assert.equal(await errorCode(refused), "INSUFFICIENT_SCOPE");
    assert.match(refused.headers.get("www-authenticate") ?? "", /error="insufficient_scope", scope="planner:write"/);

    const created = await script(write.token, "/api/events", { method: "POST", json: EVENT });
    assert.equal(created.status, 201);
    const { event } = (await created.json()) as { event: { id: string } };
    assert.equal((await script(write.token, `/api/events/${event.id}`, { method: "PATCH", json: { title: "renamed" } })).status, 200);
    assert.equal((await script(write.token, "/api/todos", { method: "POST", json: { title: "script todo" } })).status, 201);
    assert.equal((await script(read.token, "/api/todos")).status, 200);
    assert.equal((await script(read.token, "/api/search?q=renamed")).status, 200);
    assert.equal((await script(read.token, "/api/holidays?from=2027-01-01&to=2027-01-31")).status, 200);
    const listed = await script(read.token, RANGE);
    assert.deepEqual(
      ((await listed.json()) as { events: { title: string }[] }).events.map((item) => item.title),
      ["renamed"],
    );
  });

  test("a token never reaches the account, its sessions, settings, tokens or administration", async () => {
    const { client } = await signedInUser();
    const { token } = await createToken(client, { scopes: ["planner:read", "planner:write"] });
    const paths: [string, string, unknown?][] = [
      ["GET", "/api/auth/me"],
      ["GET", "/api/auth/sessions"],
      ["POST", "/api/auth/sessions/revoke", { scope: "all" }],
      ["GET", "/api/auth/tokens"],
      ["POST", "/api/auth/tokens", { name: "more", scopes: ["planner:read"], expiresInDays: 7 }],
      ["GET", "/api/admin/users"],
      ["GET", "/api/settings"],
      ["PATCH", "/api/settings", { weekStartsOn: 1 }],
      ["GET", "/api/settings/calendar-feed"],
      ["DELETE", "/api/auth/account"],
    ];
    for (const [method, path, json] of paths) {
      const response = await script(token, path, { method, json });
      assert.equal(response.status, 403, `${method} ${path}`);
      assert.equal(await errorCode(response), "INSUFFICIENT_SCOPE", `${method} ${path}`);
    }
    assert.equal((await client.request("/api/auth/me")).status, 200, "the account is still there");
    assert.equal((await client.request("/api/settings")).status, 200);
  });

  test("a revoked or expired token is refused at once", async () => {
    const { client } = await signedInUser();
    const revoked = await createToken(client);
    const expired = await createToken(client, { name: "old" });
    assert.equal((await script(revoked.token, RANGE)).status, 200);
    assert.equal((await client.request(`/api/auth/tokens/${revoked.personalToken.id}`, { method: "DELETE" })).status, 204);
    const afterRevoke = await script(revoked.token, RANGE);
    assert.equal(afterRevoke.status, 401);
    assert.equal(await errorCode(afterRevoke), "UNAUTHENTICATED");

    assert.equal((await script(expired.token, RANGE)).status, 200);
    await testDb().query(`UPDATE "PersonalAccessToken" SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [expired.personalToken.id]);
    assert.equal((await script(expired.token, RANGE)).status, 401);

    const listed = (await (await client.request("/api/auth/tokens")).json()) as { tokens: { id: string }[] };
    assert.deepEqual(
      listed.tokens.map((token) => token.id),
      [expired.personalToken.id],
      "the revoked one is gone from the list",
    );
    const events = await testDb().query(`SELECT type FROM "SecurityEvent" WHERE "userId" = (SELECT "userId" FROM "PersonalAccessToken" WHERE id = $1) ORDER BY "createdAt"`, [
      revoked.personalToken.id,
    ]);
    assert.deepEqual(
      events.rows.map((row: { type: string }) => row.type).filter((type) => type.startsWith("PERSONAL_TOKEN")),
      ["PERSONAL_TOKEN_CREATED", "PERSONAL_TOKEN_CREATED", "PERSONAL_TOKEN_REVOKED"],
    );
  });

  test("another user's token id cannot be revoked: 404, and it keeps working", async () => {
    const owner = await signedInUser();
    const { token, personalToken } = await createToken(owner.client);
    const stranger = await signedInUser();
    assert.equal((await stranger.client.request(`/api/auth/tokens/${personalToken.id}`, { method: "DELETE" })).status, 404);
    assert.equal((await script(token, RANGE)).status, 200);
  });

  test("a deleted account's tokens are gone with it, and a disabled account's refused", async () => {
    const deleted = await signedInUser();
    const gone = await createToken(deleted.client);
    assert.equal((await proveAgain(deleted.client)).status, 200);
    assert.equal((await deleted.client.request("/api/auth/account", { method: "DELETE" })).status, 204);
    assert.equal((await script(gone.token, RANGE)).status, 401);
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM "PersonalAccessToken" WHERE id = $1`, [gone.personalToken.id]);
    assert.equal(rows[0].n, 0);

    const disabled = await signedInUser();
    const held = await createToken(disabled.client);
    await testDb().query(`UPDATE "User" SET "disabledAt" = now() WHERE id = (SELECT "userId" FROM "PersonalAccessToken" WHERE id = $1)`, [held.personalToken.id]);
    assert.equal((await script(held.token, RANGE)).status, 401);
  });

  test("the token is shown once and stored only as its SHA-256, with a short prefix for the list", async () => {
    const { client } = await signedInUser();
    const { token, personalToken } = await createToken(client);
    const { rows } = await testDb().query(`SELECT to_jsonb(t) AS row FROM "PersonalAccessToken" t WHERE id = $1`, [personalToken.id]);
    const stored = JSON.stringify(rows[0].row);
    assert.ok(!stored.includes(token), "the secret is nowhere in the row");
    assert.ok(!stored.includes(token.slice(12)), "nor any long part of it");
    assert.equal(rows[0].row.tokenHash, createHash("sha256").update(token).digest("hex"));
    assert.equal(personalToken.prefix, token.slice(0, 11));
    const listed = await client.request("/api/auth/tokens");
    assert.ok(!(await listed.text()).includes(token), "the list never shows it again");
  });

  test("creating needs the session cookie and a recent proof; the list and revocation need the cookie", async () => {
    const { client } = await signedInUser();
    const bearer = await script(accessTokenOf(client), "/api/auth/tokens", { method: "POST", json: { name: "x", scopes: ["planner:read"], expiresInDays: 7 } });
    assert.equal(bearer.status, 403, "an access token handed to a script mints no year-long token");
    assert.equal(await errorCode(bearer), "INSUFFICIENT_SCOPE");
    assert.equal((await script(accessTokenOf(client), "/api/auth/tokens")).status, 403);

    await makeClientStale(client);
    const stale = await client.post("/api/auth/tokens", { name: "x", scopes: ["planner:read"], expiresInDays: 7 });
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), "REAUTHENTICATION_REQUIRED");
    assert.equal((await proveAgain(client)).status, 200);
    const { personalToken } = await createToken(client, { expiresInDays: 365 });
    const days = (Date.parse(personalToken.expiresAt) - Date.now()) / 86_400_000;
    assert.ok(days > 364.9 && days <= 365, `expires in ${days} days`);
  });

  test("names, scopes and lifetimes are checked; at most 20 live tokens per user", async () => {
    const { client } = await signedInUser();
    const bad: [Record<string, unknown>, string][] = [
      [{ name: " " }, "name"],
      [{ name: "x".repeat(61) }, "name"],
      [{ scopes: [] }, "scopes"],
      [{ scopes: ["admin"] }, "scopes.0"],
      [{ expiresInDays: 400 }, "expiresInDays"],
      [{ expiresInDays: 0 }, "expiresInDays"],
    ];
    for (const [body, field] of bad) {
      const response = await client.post("/api/auth/tokens", { name: "ok", scopes: ["planner:read"], expiresInDays: 7, ...body });
      assert.equal(response.status, 400, JSON.stringify(body));
      const { error } = (await response.json()) as { error: { fields?: Record<string, string> } };
      assert.ok(error.fields?.[field], `${JSON.stringify(body)} names ${field}: ${JSON.stringify(error.fields)}`);
    }
    const made = await Promise.all(Array.from({ length: 21 }, (_, index) => client.post("/api/auth/tokens", { name: `t${index}`, scopes: ["planner:read"], expiresInDays: 7 })));
    assert.deepEqual(made.map((response) => response.status).sort(), [...Array<number>(20).fill(201), 409], "two at once never pass the limit together");
    const listed = (await (await client.request("/api/auth/tokens")).json()) as { tokens: { id: string }[] };
    await client.request(`/api/auth/tokens/${listed.tokens[0]?.id}`, { method: "DELETE" });
    await createToken(client, { name: "room again" });
  });

  test("last use is recorded, and each token has a rate limit of its own", async () => {
    const { client } = await signedInUser();
    const { token, personalToken } = await createToken(client);
    assert.equal(personalToken.lastUsedAt, null);
    assert.equal((await script(token, RANGE)).status, 200);
    const listed = (await (await client.request("/api/auth/tokens")).json()) as { tokens: { lastUsedAt: string | null }[] };
    assert.ok(listed.tokens[0]?.lastUsedAt, "used just now");

    await testDb().query(`UPDATE "RateLimitBucket" SET count = 10000 WHERE key = $1`, [`personal-token:${personalToken.id}`]);
    const limited = await script(token, RANGE);
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get("retry-after")) > 0);
    const other = await createToken(client, { name: "another script" });
    assert.equal((await script(other.token, RANGE)).status, 200, "another token is not held back");
    assert.equal((await client.request(RANGE)).status, 200, "nor is the browser");
  });
});

describe("the ways back from a takeover end every personal access token", () => {
  test("a password reset and 'this wasn't me' revoke the tokens someone made in the account", async () => {
    const { requestReset } = await import("../helpers/users");
    for (const recovery of ["reset", "secure"] as const) {
      const { client, email } = await signedInUser();
      const { token } = await createToken(client);
      assert.equal((await script(token, RANGE)).status, 200);
      const reset = await requestReset(email);
      if (recovery === "reset") {
        assert.equal((await new Client().post("/api/auth/password/reset", { token: reset, password: "a brand new passphrase for this" })).status, 200);
      } else {
        const secured = await new Client().followMailedLink(`${client.base}/secure-account?token=${encodeURIComponent(reset)}`, "/api/auth/secure-account");
        assert.equal(secured.status, 303);
      }
      assert.equal((await script(token, RANGE)).status, 401, recovery);
    }
  });
});
