// Retention against the real database: rows past their use go, rows still in use stay, the answer
// and the log line count what went, and runs started together share the work.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { TEST_DATA_DIR } from "../../scripts/test-stack";
import { queryDatabase } from "../helpers/db";
import { startOwnStack } from "../helpers/own-stack";

// Its own database, so the counts are exactly what this test put there.
let stack: Awaited<ReturnType<typeof startOwnStack>>;
before(async () => {
  stack = await startOwnStack("retention", { env: { MAIL_SWEEPER: "off" } });
});
after(async () => {
  await stack?.stop();
});

interface RetentionRun {
  removed: Record<string, number>;
  complete: boolean;
}

async function runRetention(): Promise<{ run: RetentionRun; requestId: string }> {
  const response = await fetch(`${stack.baseUrl}/api/cron/retention`, { headers: { authorization: `Bearer ${stack.cronSecret}` } });
  assert.equal(response.status, 200);
  return { run: (await response.json()) as RetentionRun, requestId: response.headers.get("x-request-id") ?? "" };
}

const NOTHING = {
  RateLimitBucket: 0,
  LoginThrottle: 0,
  UsedEmailToken: 0,
  PendingSignup: 0,
  SignInChallenge: 0,
  WebAuthnChallenge: 0,
  SsoFlow: 0,
  SamlRequest: 0,
  EmailChange: 0,
  Session: 0,
  RefreshToken: 0,
  MailIntent: 0,
  SecurityEvent: 0,
};

// `now() + interval`, in UTC as the app stores it.
const at = (interval: string) => `now() + interval '${interval}'`;

async function sql(statement: string, params: unknown[] = []): Promise<void> {
  await queryDatabase(stack.databaseUrl, statement, params);
}

async function ids(table: string, key: string, tag: string): Promise<string[]> {
  const rows = await queryDatabase<{ id: string }>(stack.databaseUrl, `SELECT "${key}" AS id FROM "${table}" WHERE "${key}" LIKE $1 ORDER BY 1`, [`${tag}%`]);
  return rows.map((row) => row.id.slice(tag.length));
}

test("expired rows of every table go, live ones stay, and the answer and the log line count them", async () => {
  const t = `${randomUUID().slice(0, 8)}-`;
  const user = `${t}user`;
  await sql(`INSERT INTO "User" ("id", "email", "nickname", "updatedAt") VALUES ($1, $2, 'Kept', ${at("0 s")})`, [user, `${t}kept@example.test`]);

  // Windows: the longest limit counts over an hour; many spent buckets need more than one batch.
  await sql(`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") SELECT $1 || 'spent-' || n, ${at("-2 days")}, 3 FROM generate_series(1, 1200) AS n`, [t]);
  await sql(`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1 || 'current', ${at("-10 minutes")}, 3)`, [t]);
  // Failures are forgotten after an hour, but never while the address is still locked.
  await sql(
    `INSERT INTO "LoginThrottle" ("email", "failures", "lastFailureAt", "lockedUntil") VALUES
       ($1 || 'forgotten', 3, ${at("-2 hours")}, NULL), ($1 || 'recent', 3, ${at("-10 minutes")}, NULL), ($1 || 'locked', 12, ${at("-2 hours")}, ${at("1 hour")})`,
    [t],
  );
  // A used token's record outlives the token by a day; an undo link's (seven days) is still needed.
  await sql(
    `INSERT INTO "UsedEmailToken" ("jtiHash", "userId", "expiresAt") VALUES
       ($1 || 'expired', $2, ${at("-2 days")}), ($1 || 'just-expired', $2, ${at("-1 hour")}), ($1 || 'undo-link', $2, ${at("6 days")})`,
    [t, user],
  );
  await sql(
    `INSERT INTO "PendingSignup" ("id", "provider", "providerAccountId", "expiresAt", "completedAt") VALUES
       ($1 || 'expired', 'KAKAO', $1 || 'a', ${at("-2 days")}, NULL),
       ($1 || 'completed', 'KAKAO', $1 || 'b', ${at("-47 hours")}, ${at("-2 days")}),
       ($1 || 'in-progress', 'KAKAO', $1 || 'c', ${at("20 minutes")}, NULL),
       ($1 || 'just-completed', 'KAKAO', $1 || 'd', ${at("20 minutes")}, ${at("-1 hour")})`,
    [t],
  );
  await sql(`INSERT INTO "SignInChallenge" ("id", "userId", "deviceHash", "expiresAt") VALUES ($1 || 'expired', $2, 'h', ${at("-2 days")}), ($1 || 'open', $2, 'h', ${at("10 minutes")})`, [t, user]);
  await sql(
    `INSERT INTO "WebAuthnChallenge" ("id", "challenge", "purpose", "expiresAt") VALUES
       ($1 || 'expired', $1 || 'c1', 'LOGIN', ${at("-2 days")}), ($1 || 'open', $1 || 'c2', 'LOGIN', ${at("5 minutes")})`,
    [t],
  );
  // An unconfirmed change waits as long as its link may still be mailed after retries and used.
  await sql(
    `INSERT INTO "EmailChange" ("id", "userId", "oldEmail", "newEmail", "sessionId", "createdAt", "confirmedAt", "revertibleUntil") VALUES
       ($1 || 'abandoned', $2, 'a@example.test', 'b@example.test', 's', ${at("-3 days")}, NULL, NULL),
       ($1 || 'link-may-still-come', $2, 'a@example.test', 'b@example.test', 's', ${at("-40 hours")}, NULL, NULL),
       ($1 || 'past-undo', $2, 'a@example.test', 'b@example.test', 's', ${at("-10 days")}, ${at("-9 days")}, ${at("-2 days")}),
       ($1 || 'undoable', $2, 'a@example.test', 'b@example.test', 's', ${at("-2 days")}, ${at("-2 days")}, ${at("5 days")})`,
    [t, user],
  );
  // Sessions ended more than 30 days ago go with their refresh tokens; a live session's retired
  // tokens stay, since presenting one again must still be recognised as reuse.
  await sql(
    `INSERT INTO "Session" ("id", "userId", "createdAt", "expiresAt", "revokedAt") VALUES
       ($1 || 'revoked-long-ago', $2, ${at("-40 days")}, ${at("-26 days")}, ${at("-31 days")}),
       ($1 || 'expired-long-ago', $2, ${at("-45 days")}, ${at("-31 days")}, NULL),
       ($1 || 'revoked-lately', $2, ${at("-30 days")}, ${at("-16 days")}, ${at("-29 days")}),
       ($1 || 'active', $2, ${at("-5 days")}, ${at("9 days")}, NULL)`,
    [t, user],
  );
  await sql(
    `INSERT INTO "RefreshToken" ("id", "sessionId", "jtiHash", "expiresAt", "rotatedAt", "createdAt") VALUES
       ($1 || 'revoked-1', $1 || 'revoked-long-ago', $1 || 'j1', ${at("-26 days")}, ${at("-35 days")}, ${at("-40 days")}),
       ($1 || 'revoked-2', $1 || 'revoked-long-ago', $1 || 'j2', ${at("-26 days")}, NULL, ${at("-35 days")}),
       ($1 || 'expired-1', $1 || 'expired-long-ago', $1 || 'j3', ${at("-31 days")}, NULL, ${at("-45 days")}),
       ($1 || 'lately-1', $1 || 'revoked-lately', $1 || 'j4', ${at("-16 days")}, NULL, ${at("-30 days")}),
       ($1 || 'active-retired-1', $1 || 'active', $1 || 'j5', ${at("9 days")}, ${at("-4 days")}, ${at("-5 days")}),
       ($1 || 'active-retired-2', $1 || 'active', $1 || 'j6', ${at("9 days")}, ${at("-1 day")}, ${at("-4 days")}),
       ($1 || 'active-current', $1 || 'active', $1 || 'j7', ${at("9 days")}, NULL, ${at("-1 day")})`,
    [t],
  );
  await sql(
    `INSERT INTO "MailIntent" ("id", "kind", "address", "nextAttemptAt", "sentAt", "gaveUpAt", "createdAt") VALUES
       ($1 || 'sent-long-ago', 'ALREADY_REGISTERED', 'x@example.test', ${at("-8 days")}, ${at("-8 days")}, NULL, ${at("-8 days")}),
       ($1 || 'given-up-long-ago', 'ALREADY_REGISTERED', 'x@example.test', ${at("-8 days")}, NULL, ${at("-8 days")}, ${at("-9 days")}),
       ($1 || 'sent-lately', 'ALREADY_REGISTERED', 'x@example.test', ${at("-2 days")}, ${at("-2 days")}, NULL, ${at("-2 days")}),
       ($1 || 'waiting', 'ALREADY_REGISTERED', 'x@example.test', ${at("1 hour")}, NULL, NULL, ${at("-20 hours")})`,
    [t],
  );
  // Security events are kept SECURITY_EVENT_RETENTION_DAYS, 365 by default.
  await sql(
    `INSERT INTO "SecurityEvent" ("id", "userId", "type", "createdAt") VALUES
       ($1 || 'past-retention', $2, 'LOGIN_SUCCESS', ${at("-366 days")}), ($1 || 'within-retention', $2, 'LOGIN_SUCCESS', ${at("-364 days")})`,
    [t, user],
  );

  // A SAML request goes a day after it expired, spent or not.
  await sql(
    `INSERT INTO "SamlRequest" ("id", "connectionId", "expiresAt", "usedAt") VALUES
       ($1 || 'expired-long-ago', 'c', ${at("-2 days")}, NULL), ($1 || 'spent-long-ago', 'c', ${at("-2 days")}, ${at("-2 days")}),
       ($1 || 'just-expired', 'c', ${at("-1 hour")}, NULL), ($1 || 'open', 'c', ${at("10 minutes")}, NULL)`,
    [t],
  );

  // A company sign-in's flow, too, a day after it expired, spent or not; its connection stays.
  await sql(`INSERT INTO "SsoConnection" ("id", "name", "protocol", "settings", "updatedAt") VALUES ($1 || 'connection', 'Retention', 'OIDC', '{}', now())`, [t]);
  await sql(
    `INSERT INTO "SsoFlow" ("id", "connectionId", "requestId", "browserHash", "next", "expiresAt", "usedAt") VALUES
       ($1 || 'expired-long-ago', $1 || 'connection', $1 || 'r1', 'b', '/dashboard', ${at("-2 days")}, NULL),
       ($1 || 'spent-long-ago', $1 || 'connection', $1 || 'r2', 'b', '/dashboard', ${at("-2 days")}, ${at("-2 days")}),
       ($1 || 'just-expired', $1 || 'connection', $1 || 'r3', 'b', '/dashboard', ${at("-1 hour")}, NULL),
       ($1 || 'open', $1 || 'connection', $1 || 'r4', 'b', '/dashboard', ${at("10 minutes")}, NULL)`,
    [t],
  );

  const { run, requestId } = await runRetention();
  assert.deepEqual(run, {
    removed: {
      ...NOTHING,
      RateLimitBucket: 1200,
      LoginThrottle: 1,
      UsedEmailToken: 1,
      PendingSignup: 2,
      SignInChallenge: 1,
      WebAuthnChallenge: 1,
      EmailChange: 2,
      Session: 2,
      RefreshToken: 3,
      MailIntent: 2,
      SecurityEvent: 1,
      SsoFlow: 2,
      SamlRequest: 2,
    },
    complete: true,
  });

  assert.deepEqual(await ids("RateLimitBucket", "key", t), ["current"]);
  assert.deepEqual(await ids("LoginThrottle", "email", t), ["locked", "recent"]);
  assert.deepEqual(await ids("UsedEmailToken", "jtiHash", t), ["just-expired", "undo-link"]);
  assert.deepEqual(await ids("PendingSignup", "id", t), ["in-progress", "just-completed"]);
  assert.deepEqual(await ids("SignInChallenge", "id", t), ["open"]);
  assert.deepEqual(await ids("WebAuthnChallenge", "id", t), ["open"]);
  assert.deepEqual(await ids("EmailChange", "id", t), ["link-may-still-come", "undoable"]);
  assert.deepEqual(await ids("Session", "id", t), ["active", "revoked-lately"]);
  assert.deepEqual(await ids("RefreshToken", "id", t), ["active-current", "active-retired-1", "active-retired-2", "lately-1"]);
  assert.deepEqual(await ids("MailIntent", "id", t), ["sent-lately", "waiting"]);
  assert.deepEqual(await ids("SecurityEvent", "id", t), ["within-retention"]);
  assert.deepEqual(await ids("SamlRequest", "id", t), ["just-expired", "open"]);
  assert.deepEqual(await ids("SsoFlow", "id", t), ["just-expired", "open"]);
  assert.deepEqual(await ids("SsoConnection", "id", t), ["connection"]);
  assert.deepEqual(await ids("User", "id", t), ["user"]);

  // Once more: nothing left to do.
  assert.deepEqual((await runRetention()).run, { removed: NOTHING, complete: true });

  // The run's one log line, under its request id, says the same.
  const logFile = path.join(TEST_DATA_DIR, "own-retention", "app.log");
  let entry: Record<string, unknown> | undefined;
  for (let tries = 0; !entry && tries < 50; tries++) {
    const lines = (await readFile(logFile, "utf8")).split("\n").filter((line) => line.startsWith("{"));
    entry = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((candidate) => candidate.requestId === requestId && candidate.msg === "retention run");
    if (!entry) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(entry, { ...entry, trigger: "cron", ...run.removed, complete: true });
});

test("runs started at the same moment share the work: every expired row counted once, none left, no errors", async () => {
  const t = `${randomUUID().slice(0, 8)}-`;
  await sql(`INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") SELECT $1 || n, ${at("-2 days")}, 1 FROM generate_series(1, 3000) AS n`, [t]);
  await sql(`INSERT INTO "SecurityEvent" ("id", "type", "createdAt") SELECT $1 || n, 'LOGIN_FAILURE', ${at("-400 days")} FROM generate_series(1, 1500) AS n`, [t]);
  const runs = await Promise.all(Array.from({ length: 4 }, () => runRetention()));
  const total = (table: string) => runs.reduce((sum, { run }) => sum + (run.removed[table] ?? 0), 0);
  assert.equal(total("RateLimitBucket"), 3000);
  assert.equal(total("SecurityEvent"), 1500);
  assert.deepEqual(await ids("RateLimitBucket", "key", t), []);
  assert.deepEqual(await ids("SecurityEvent", "id", t), []);
});
