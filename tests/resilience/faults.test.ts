// The database, the mail server and the app itself going away under use (bounded, loopback only).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { queryDatabase } from "../helpers/db";
import { mailsTo, waitForMail } from "../helpers/mail";
import { startOwnStack } from "../helpers/own-stack";
import { randomEmail, signupBody } from "../helpers/users";

let stack: Awaited<ReturnType<typeof startOwnStack>>;
before(async () => {
  stack = await startOwnStack("faults");
});
after(async () => {
  await stack?.stop();
});

function query<Row extends object>(sql: string, params: unknown[]): Promise<Row[]> {
  return queryDatabase<Row>(stack.databaseUrl, sql, params);
}

async function count(sql: string, params: unknown[]): Promise<number> {
  return (await query<{ n: number }>(sql, params))[0]?.n ?? 0;
}

test("with the database stopped, requests fail fast with 503 JSON (a page navigation with a page), nothing is half-written, and service resumes by itself", async () => {
  const { client } = await stack.signedIn();
  assert.equal((await client.request("/api/todos")).status, 200);
  await stack.stopDatabase();
  try {
    const email = randomEmail("outage");
    for (const request of [() => client.request("/api/todos"), () => client.post("/api/todos", { title: "lost?" }), () => stack.client().post("/api/auth/signup", signupBody(email))]) {
      const started = performance.now();
      const response = await request();
      const seconds = (performance.now() - started) / 1000;
      assert.equal(response.status, 503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "SERVICE_UNAVAILABLE");
      assert.ok(!/ECONNREFUSED|prisma|stack|at \w+ \(/i.test(JSON.stringify(body)), "no internals");
      assert.ok(seconds < 8, `answered in ${seconds.toFixed(1)} s`);
    }
    // A page navigation that needs a refresh gets a page that retries by itself, not JSON, and keeps its cookies.
    const page = await client.request("/api/auth/token/refresh?next=/dashboard", { headers: { accept: "text/html" } });
    assert.equal(page.status, 503);
    assert.match(page.headers.get("content-type") ?? "", /^text\/html/);
    assert.equal(page.headers.get("retry-after"), "5");
    assert.match(await page.text(), /<meta http-equiv="refresh" content="5">.*서비스를 잠시 사용할 수 없습니다/s);
    assert.deepEqual(page.headers.getSetCookie(), []);
    await stack.startDatabase();
    assert.equal(await count(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]), 0, "no half-written user");
    assert.equal(await count(`SELECT count(*)::int AS n FROM "Todo" WHERE title = 'lost?'`, []), 0);
  } finally {
    await stack.startDatabase().catch(() => {});
  }
  const deadline = Date.now() + 20_000;
  let status = 0;
  while (Date.now() < deadline && status !== 200) {
    status = (await client.request("/api/todos")).status;
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.equal(status, 200, "the app reconnects without a restart");
  assert.equal((await client.post("/api/todos", { title: "after the outage" })).status, 201);
});

test("with the mail server down, sign-up still creates the user; the mail waits in the queue, without a token, and goes out once by itself when the server is back", async () => {
  await stack.stopMail();
  const email = randomEmail("nomail");
  try {
    assert.equal((await stack.client().post("/api/auth/signup", signupBody(email))).status, 201);
    assert.equal(await count(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]), 1);
    // The first attempt fails and the intent stays queued for a retry: what to send, never a link.
    const deadline = Date.now() + 10_000;
    let queued: { attempts: number; sentAt: Date | null; details: string | null }[] = [];
    while (Date.now() < deadline) {
      queued = await query(`SELECT attempts, "sentAt", details FROM "MailIntent" WHERE address = $1`, [email]);
      if (queued[0] && queued[0].attempts >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(queued.length, 1);
    assert.ok(queued[0] && queued[0].attempts >= 1 && queued[0].sentAt === null, JSON.stringify(queued));
    const [stored] = await query<{ row: string }>(`SELECT row_to_json(m)::text AS row FROM "MailIntent" m WHERE address = $1`, [email]);
    assert.doesNotMatch(String(stored?.row), /eyJ|token/i, "no token rests in the queue");
    assert.deepEqual(await mailsTo(email, stack.mailDir), []);
    // Asking again during the outage brings the same mail forward (a second failed attempt) instead
    // of queueing a copy.
    assert.equal((await stack.client().post("/api/auth/verify/resend", { email })).status, 202);
    const resent = Date.now() + 10_000;
    while (Date.now() < resent && (await count(`SELECT max(attempts)::int AS n FROM "MailIntent" WHERE address = $1`, [email])) < 2) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.equal(await count(`SELECT count(*)::int AS n FROM "MailIntent" WHERE address = $1`, [email]), 1);
    assert.equal(await count(`SELECT max(attempts)::int AS n FROM "MailIntent" WHERE address = $1`, [email]), 2);
  } finally {
    await stack.startMail();
  }
  // Nothing is asked after the server is back: the queue delivers by itself (30 s after the second failure).
  const [mail] = await waitForMail(email, 1, 45_000, stack.mailDir);
  assert.match(mail?.text ?? "", /verify-email\?token=/);
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  assert.equal((await mailsTo(email, stack.mailDir)).length, 1, "exactly one mail, however often it was asked for");
  assert.equal(await count(`SELECT count(*)::int AS n FROM "MailIntent" WHERE address = $1 AND "sentAt" IS NOT NULL`, [email]), 1);
});

test("restarting the app during a refresh storm signs nobody out", async () => {
  const users = await Promise.all(Array.from({ length: 12 }, () => stack.signedIn()));
  let running = true;
  const failures: string[] = [];
  // Each tab refreshes in a loop; a dropped connection is retried with the token it still holds.
  const storms = users.map(async ({ client }) => {
    let ok = 0;
    while (running) {
      try {
        const response = await client.post("/api/auth/token/refresh");
        if (response.status === 200) ok++;
        else if (response.status !== 503) failures.push(`refresh answered ${response.status}`);
      } catch {
        // The app is restarting: try again shortly with the same cookie.
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return ok;
  });
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await stack.restartApp();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  running = false;
  const refreshes = await Promise.all(storms);
  assert.deepEqual(failures, []);
  assert.ok(
    refreshes.every((n) => n > 2),
    `refreshes per tab: ${refreshes.join(", ")}`,
  );
  for (const { client } of users) assert.equal((await client.request("/api/todos")).status, 200);
});
