import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { grantAdmin, signedInAdmin } from "../helpers/admin";
import { closeTestDb, testDb } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { Client } from "../helpers/http";
import { waitForSubject } from "../helpers/mail";
import { addPasskey, signInWithPasskey } from "../helpers/passkey";
import { errorCode, makeClientStale } from "../helpers/step-up";
import { logIn, PASSWORD, randomEmail, signedInUser } from "../helpers/users";

after(closeTestDb);

const ADMIN_APIS: [string, string, unknown?][] = [
  ["GET", "/api/admin/security/stats"],
  ["GET", "/api/admin/security/events"],
  ["GET", "/api/admin/audit"],
  ["POST", "/api/admin/users/unlock", { email: "x@example.test", reason: "testing" }],
  ["POST", "/api/admin/users/revoke-sessions", { email: "x@example.test", reason: "testing" }],
];

describe("the ADMIN role", () => {
  test("a signed-in USER gets 403 from every admin API and is sent away from every admin page", async () => {
    const { client } = await signedInUser();
    for (const [method, path, json] of ADMIN_APIS) {
      const response = await client.request(path, { method, json });
      assert.equal(response.status, 403, path);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, "FORBIDDEN");
    }
    for (const path of ["/admin/security", "/admin/audit"]) {
      assert.equal(client.location(await client.request(path)), `${client.base}/dashboard`, path);
    }
  });

  test("strangers get 401 from the admin APIs and the sign-in path for admin pages", async () => {
    for (const [method, path, json] of ADMIN_APIS) assert.equal((await new Client().request(path, { method, json })).status, 401, path);
    const stranger = new Client();
    assert.match(stranger.location(await stranger.request("/admin/security")), /\/api\/auth\/token\/refresh\?next=%2Fadmin%2Fsecurity$/);
  });

  test("a USER token forged to say ADMIN still gets 403: handlers ask the database", async () => {
    const { client } = await signedInUser();
    const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
    const claims = JSON.parse(Buffer.from(access.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;
    const { forgeToken } = await import("../helpers/tokens");
    client.setCookie("ACCESS_TOKEN", await forgeToken({ ...claims, role: "ADMIN" }));
    assert.equal((await client.request("/api/admin/security/stats")).status, 403);
  });

  test("the role is granted from the command line only, and the grant is audited", async () => {
    const { email } = await signedInUser();
    const unknown = grantAdmin(randomEmail("nobody"));
    assert.equal(unknown.status, 1);
    assert.match(unknown.output, /No account uses/);
    assert.equal(grantAdmin("not-an-email").status, 2);
    assert.equal(grantAdmin(email, "new on-call engineer").status, 0);
    const { rows } = await testDb().query(`SELECT actor, action, reason FROM "AuditLog" WHERE "targetEmail" = $1`, [email]);
    assert.deepEqual(rows, [{ actor: "cli", action: "ROLE_GRANTED_ADMIN", reason: "new on-call engineer" }]);
  });
});

describe("the security dashboard's numbers", () => {
  test("failures, reuse, new devices and failing IPs count the events seeded for them", async () => {
    const { client } = await signedInAdmin();
    const stats = async () =>
      (await (await client.request("/api/admin/security/stats")).json()) as {
        lastWeek: { failures: number; refreshReuse: number; newDevice: number };
        failingIps: { ip: string; failures: number }[];
        lockedAccounts: { email: string }[];
        activeUsers: { day: number; week: number };
      };
    const before = await stats();
    const ip = `2001:db8:ffff::${Math.floor(Math.random() * 9000 + 1000)}`;
    const insert = (type: string, extra = "") =>
      testDb().query(`INSERT INTO "SecurityEvent" (id, type, ip${extra ? `, ${extra}` : ""}) VALUES ($1, $2::"SecurityEventType", $3${extra ? ", true" : ""})`, [randomUUID(), type, ip]);
    for (let index = 0; index < 7; index++) await insert("LOGIN_FAILURE");
    for (let index = 0; index < 2; index++) await insert("REFRESH_REUSE");
    await insert("LOGIN_SUCCESS", `"newDevice"`);
    const old = `INSERT INTO "SecurityEvent" (id, type, ip, "createdAt") VALUES ($1, 'LOGIN_FAILURE', $2, now() - interval '30 days')`;
    await testDb().query(old, [randomUUID(), ip]);
    const locked = randomEmail("locked");
    await testDb().query(`INSERT INTO "LoginThrottle" (email, failures, "lastFailureAt", "lockedUntil") VALUES ($1, 10, now(), now() + interval '15 minutes')`, [locked]);

    const after = await stats();
    assert.equal(after.lastWeek.failures - before.lastWeek.failures, 7, "the 30-day-old failure is outside the week");
    assert.equal(after.lastWeek.refreshReuse - before.lastWeek.refreshReuse, 2);
    assert.equal(after.lastWeek.newDevice - before.lastWeek.newDevice, 1);
    assert.deepEqual(
      after.failingIps.find((row) => row.ip === ip),
      { ip, failures: 7 },
    );
    assert.ok(after.lockedAccounts.some((row) => row.email === locked));
    assert.ok(after.activeUsers.day >= 1 && after.activeUsers.week >= after.activeUsers.day);
  });

  test("each configured sign-in provider's breaker is listed with its state, on the API and the page", async () => {
    const { client } = await signedInAdmin();
    const { providers } = (await (await client.request("/api/admin/security/stats")).json()) as { providers: { provider: string; state: string; failures: number }[] };
    assert.deepEqual(
      providers.map((row) => row.provider),
      ["google", "kakao", "naver"],
    );
    assert.ok(
      providers.every((row) => ["closed", "open", "half-open"].includes(row.state) && Number.isInteger(row.failures)),
      JSON.stringify(providers),
    );
    const page = await (await client.request("/admin/security", { headers: { "accept-language": "en" } })).text();
    for (const row of providers) assert.match(page, new RegExp(`data-testid="breaker-${row.provider}" data-state="${row.state}"`));
  });

  test("events can be filtered by type and user and are paged", async () => {
    const { client, email } = await signedInAdmin();
    const page = (await (await client.request(`/api/admin/security/events?type=LOGIN_SUCCESS&email=${encodeURIComponent(email)}`)).json()) as {
      events: { type: string; email: string }[];
      page: number;
      pages: number;
    };
    assert.ok(page.events.length >= 2);
    assert.ok(page.events.every((event) => event.type === "LOGIN_SUCCESS" && event.email === email));
    assert.equal((await client.request("/api/admin/security/events?type=EVERYTHING")).status, 400);
    assert.equal((await client.request("/api/admin/security/events?page=0")).status, 400);
  });
});

describe("admin actions", () => {
  test("unlocking an address lets its owner sign in again, and is audited with who, what and why", async () => {
    const { client: admin, email: adminEmail } = await signedInAdmin();
    const { email } = await signedInUser();
    for (let attempt = 0; attempt < 5; attempt++) await new Client().post("/api/auth/login", { email, password: "wrong password!!" });
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 429);
    assert.equal((await admin.post("/api/admin/users/unlock", { email, reason: "" })).status, 400, "a reason is required");
    assert.equal((await admin.post("/api/admin/users/unlock", { email, reason: "verified by phone" })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 200);
    const audit = (await (await admin.request(`/api/admin/audit?q=${encodeURIComponent(email)}`)).json()) as { entries: Record<string, unknown>[] };
    assert.deepEqual(
      audit.entries.map(({ action, actorEmail, targetEmail, reason }) => ({ action, actorEmail, targetEmail, reason })),
      [{ action: "ACCOUNT_UNLOCKED", actorEmail: adminEmail, targetEmail: email, reason: "verified by phone" }],
    );
  });

  test("ending a user's sessions signs every device out, and is audited", async () => {
    const { client: admin } = await signedInAdmin();
    const { client: victim, email } = await signedInUser();
    const response = await admin.post("/api/admin/users/revoke-sessions", { email, reason: "stolen laptop" });
    assert.deepEqual(await response.json(), { revoked: 1 });
    assert.equal((await victim.post("/api/auth/token/refresh")).status, 401);
    assert.equal((await admin.post("/api/admin/users/revoke-sessions", { email: randomEmail("nobody"), reason: "typo" })).status, 404);
  });

  test("the audit log is append-only in the database itself", async () => {
    await signedInAdmin();
    await assert.rejects(testDb().query(`UPDATE "AuditLog" SET reason = 'covered up'`), /append-only/);
    await assert.rejects(testDb().query(`DELETE FROM "AuditLog"`), /append-only/);
    await assert.rejects(testDb().query(`TRUNCATE "AuditLog"`), /append-only/);
  });
});

describe("operations endpoints", () => {
  test("/api/health is live and /api/ready confirms the database and every migration", async () => {
    assert.deepEqual(await (await new Client().request("/api/health")).json(), { status: "ok" });
    const ready = await new Client().request("/api/ready");
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: "ready" });
  });

  test("/api/metrics needs the bearer token and speaks Prometheus' text format", async () => {
    await signedInUser();
    const refused = await new Client().request("/api/metrics");
    assert.equal(refused.status, 401);
    assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="metrics"');
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, "UNAUTHENTICATED");
    assert.equal((await new Client().request("/api/metrics", { headers: { authorization: "Bearer wrong-token-of-some-length" } })).status, 401);
    // The token's length with one character wider in UTF-8 than in the header's bytes: a refusal, not a 500.
    const widened = `é${testEnv().TEST_METRICS_TOKEN.slice(1)}`;
    assert.equal((await new Client().request("/api/metrics", { headers: { authorization: `Bearer ${widened}` } })).status, 401);
    const response = await new Client().request("/api/metrics", { headers: { authorization: `Bearer ${testEnv().TEST_METRICS_TOKEN}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const line of text.trim().split("\n")) {
      assert.match(line, /^(# (HELP|TYPE) \w+ .+|\w+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+)$/, line);
    }
    assert.match(text, /^tropical_sign_in_attempts_total\{method="PASSWORD",result="success"\} \d+$/m);
    assert.match(text, /^tropical_auth_request_duration_seconds_bucket\{method="POST",route="\/api\/auth\/login",status="200",le="\+Inf"\} \d+$/m);
  });

  test("API answers carry a request id, a new one each time", async () => {
    const { client } = await signedInUser();
    const ids = [
      (await client.request("/api/auth/me")).headers.get("x-request-id"),
      (await client.request("/api/auth/me")).headers.get("x-request-id"),
      (await new Client().post("/api/auth/verify/resend", { email: randomEmail() })).headers.get("x-request-id"),
    ];
    // A client cannot choose the id its request is logged under.
    ids.push((await client.request("/api/auth/me", { headers: { "x-request-id": "forged-id" } })).headers.get("x-request-id"));
    for (const id of ids) assert.match(id ?? "", /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(new Set(ids).size, 4);
  });
});

describe("admin hardening", () => {
  test("an administrator without a second factor is refused by the admin APIs and sent from the admin pages to add one", async () => {
    const { email } = await signedInUser();
    assert.equal(grantAdmin(email).status, 0);
    const client = new Client();
    assert.equal((await logIn(client, email)).status, 200);
    const refused = await client.request("/api/admin/security/stats");
    assert.equal(refused.status, 403);
    assert.equal(await errorCode(refused), "SECOND_FACTOR_REQUIRED");
    const page = await client.request("/admin/security");
    assert.equal(page.status, 307);
    assert.equal(page.headers.get("location"), "/dashboard/settings?admin=second-factor");
    assert.equal((await addPasskey(client)).response.status, 201);
    assert.equal((await client.request("/api/admin/security/stats")).status, 200);
    assert.equal((await client.request("/admin/security")).status, 200);
  });

  test("admin actions need a recent proof", async () => {
    const { client } = await signedInAdmin();
    const { email } = await signedInUser();
    await makeClientStale(client);
    const stale = await client.post("/api/admin/users/revoke-sessions", { email, reason: "checking" });
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), "REAUTHENTICATION_REQUIRED");
  });

  test("administrators list and search accounts by address or nickname", async () => {
    const { client } = await signedInAdmin();
    const { email } = await signedInUser();
    const found = (await (await client.request(`/api/admin/users?q=${encodeURIComponent(email)}`)).json()) as { users: { email: string; role: string; disabledAt: string | null }[]; pages: number };
    assert.deepEqual(
      found.users.map((user) => [user.email, user.role, user.disabledAt]),
      [[email, "USER", null]],
    );
    assert.equal((await (await signedInUser()).client.request("/api/admin/users")).status, 403, "not for users");
  });

  test("a disabled account cannot sign in any way, loses every session, is told, and comes back when enabled; all audited", async () => {
    const { client: admin, email: adminEmail } = await signedInAdmin();
    const { client: victim, email } = await signedInUser();
    const { passkey } = await addPasskey(victim);
    assert.equal((await admin.post("/api/admin/users/disable", { email, reason: "abuse report #42" })).status, 200);
    assert.equal((await admin.post("/api/admin/users/disable", { email, reason: "again" })).status, 409);
    assert.equal((await victim.post("/api/auth/token/refresh")).status, 401, "sessions ended");
    const password = await victim.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal(password.status, 403);
    assert.equal(await errorCode(password), "ACCOUNT_DISABLED");
    assert.equal((await new Client().post("/api/auth/login", { email, password: "wrong password!!" })).status, 401, "a wrong password learns nothing");
    assert.equal((await signInWithPasskey(new Client(), passkey)).status, 403);
    await waitForSubject(email, /An administrator disabled your account/);

    assert.equal((await admin.post("/api/admin/users/enable", { email, reason: "resolved" })).status, 200);
    assert.equal((await victim.post("/api/auth/login", { email, password: PASSWORD })).status, 200);
    const audit = (await (await admin.request(`/api/admin/audit?q=${encodeURIComponent(email)}`)).json()) as { entries: { action: string; actorEmail: string; reason: string }[] };
    assert.deepEqual(
      audit.entries.map(({ action, actorEmail, reason }) => [action, actorEmail, reason]),
      [
        ["ACCOUNT_ENABLED", adminEmail, "resolved"],
        ["ACCOUNT_DISABLED", adminEmail, "abuse report #42"],
      ],
    );
  });

  test("the last active administrator cannot be disabled", async () => {
    const { client, email } = await signedInAdmin();
    const { email: other } = await signedInAdmin();
    // Every other administrator of the shared test database stands aside for the length of this test.
    const { rows } = await testDb().query<{ id: string }>(`UPDATE "User" SET "disabledAt" = now() WHERE role = 'ADMIN' AND "disabledAt" IS NULL AND email NOT IN ($1, $2) RETURNING id`, [
      email,
      other,
    ]);
    try {
      assert.equal((await client.post("/api/admin/users/disable", { email: other, reason: "leaving" })).status, 200);
      const last = await client.post("/api/admin/users/disable", { email, reason: "oops" });
      assert.equal(last.status, 409);
      assert.equal(await errorCode(last), "LAST_ADMIN");
    } finally {
      await testDb().query(`UPDATE "User" SET "disabledAt" = NULL WHERE id = ANY($1)`, [rows.map((row) => row.id)]);
    }
  });
});
