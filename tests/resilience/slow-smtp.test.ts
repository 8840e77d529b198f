// An SMTP server that stops answering in the middle of a message, with two app servers and the
// scheduler all after the same queue: the attempt must give up inside its claim, so nobody else
// sends the mail meanwhile, and a slow server that answers in the end delivers it once.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import { TEST_DATA_DIR } from "../../scripts/test-stack";
import { queryDatabase } from "../helpers/db";
import { startOwnStack } from "../helpers/own-stack";
import { startStallingSmtp, type StallingSmtp } from "../helpers/stalling-smtp";
import { randomEmail, signupBody } from "../helpers/users";

// Short, so the test takes seconds: every SMTP timeout is cut from it (attempt: half of it).
const LEASE_SECONDS = 6;

let smtp: StallingSmtp;
let stack: Awaited<ReturnType<typeof startOwnStack>>;
let secondServer: { baseUrl: string; stop: () => Promise<void> };

before(async () => {
  smtp = await startStallingSmtp("hold");
  // VERCEL=1 and no MAIL_SWEEPER: the sweeper is off by default there, so only the calls below send.
  stack = await startOwnStack("slow-smtp", { env: { SMTP_URL: smtp.url, MAIL_LEASE_SECONDS: String(LEASE_SECONDS), VERCEL: "1" } });
  secondServer = await stack.startAppFrom(process.cwd());
});
after(async () => {
  await secondServer?.stop();
  await stack?.stop();
  await smtp?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface MailRun {
  attempted: number;
  sent: number;
  failed: number;
  dropped: number;
}

async function cronMail(baseUrl: string): Promise<{ run: MailRun; seconds: number; requestId: string }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/cron/mail`, { headers: { authorization: `Bearer ${stack.cronSecret}` } });
  assert.equal(response.status, 200);
  return { run: (await response.json()) as MailRun, seconds: (performance.now() - started) / 1000, requestId: response.headers.get("x-request-id") ?? "" };
}

// A mail that needs no account, due now.
async function queueMail(address: string): Promise<void> {
  await queryDatabase(stack.databaseUrl, `INSERT INTO "MailIntent" ("id", "kind", "address", "nextAttemptAt", "createdAt") VALUES ($1, 'ALREADY_REGISTERED', $2, now(), now())`, [
    randomUUID(),
    address,
  ]);
}

async function intentOf(address: string): Promise<{ attempts: number; lastError: string | null; sent: boolean }> {
  const [row] = await queryDatabase<{ attempts: number; lastError: string | null; sent: boolean }>(
    stack.databaseUrl,
    `SELECT attempts, "lastError", "sentAt" IS NOT NULL AS sent FROM "MailIntent" WHERE address = $1`,
    [address],
  );
  assert.ok(row, `no mail queued for ${address}`);
  return row;
}

// The retry's backoff, skipped.
async function makeDue(address: string): Promise<void> {
  await queryDatabase(stack.databaseUrl, `UPDATE "MailIntent" SET "nextAttemptAt" = now() WHERE address = $1`, [address]);
}

async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

for (const mode of ["hold", "drip"] as const) {
  const how = mode === "hold" ? "falls silent after the message" : "keeps answering a line at a time but never finishes";
  test(`a server that ${how}: the attempt fails inside its lease, nobody sends the mail meanwhile, and it goes out once`, async () => {
    smtp.mode = mode;
    const delivered = smtp.delivered();
    const address = randomEmail(`stall-${mode}`);
    await queueMail(address);
    const started = Date.now();
    const first = cronMail(stack.baseUrl);
    await waitUntil("the server holds the message", () => smtp.waiting() === 1);

    // The other server and a second scheduler call, while the first attempt still holds the mail.
    const [during] = await Promise.all([cronMail(secondServer.baseUrl), cronMail(stack.baseUrl)]);
    assert.equal(during.run.attempted, 0, "the claimed mail is left alone");

    // Once the lease has run out, another process would take the mail again if the first were still on it.
    await sleep(started + LEASE_SECONDS * 1000 + 500 - Date.now());
    const late = cronMail(secondServer.baseUrl);
    await Promise.race([late, sleep(2_000)]);
    // Whatever is still waiting for an answer now gets it: a stalled attempt still alive would deliver.
    smtp.release();
    const [firstResult, lateResult] = await Promise.all([first, late]);
    assert.equal(lateResult.run.attempted, 0, "past the lease the mail was taken again while the first attempt was still on it");
    assert.equal(smtp.delivered(), delivered, "an attempt that should have given up delivered the mail");
    assert.deepEqual(firstResult.run, { attempted: 1, sent: 0, failed: 1, dropped: 0 });
    assert.ok(firstResult.seconds < LEASE_SECONDS, `the attempt took ${firstResult.seconds.toFixed(1)} s of a ${LEASE_SECONDS} s lease`);
    const failed = await intentOf(address);
    assert.equal(failed.attempts, 1);
    assert.match(failed.lastError ?? "", /timed out|timeout/i);

    await makeDue(address);
    assert.deepEqual((await cronMail(stack.baseUrl)).run, { attempted: 1, sent: 1, failed: 0, dropped: 0 });
    await sleep(500);
    assert.equal(smtp.delivered(), delivered + 1, "exactly one message delivered");
    assert.equal((await intentOf(address)).sent, true);
  });
}

test("a resend while the first send is still waiting on a slow server does not start a second send beside it", async () => {
  smtp.mode = "drip";
  const delivered = smtp.delivered();
  const email = randomEmail("slow-resend");
  assert.equal((await stack.client().post("/api/auth/signup", signupBody(email))).status, 201);
  await waitUntil("the verification mail is held", () => smtp.waiting() === 1);
  assert.equal((await stack.client().post("/api/auth/verify/resend", { email })).status, 202);
  // The resend's own attempt would have claimed the mail by now and be waiting beside the first.
  await sleep(700);
  assert.equal(smtp.waiting(), 1);
  assert.equal((await intentOf(email)).attempts, 1);
  // The server answers within the attempt's time: the mail is sent by the attempt already under way.
  smtp.release();
  await waitUntil("the mail is recorded as sent", async () => (await intentOf(email)).sent);
  await sleep(500);
  assert.equal(smtp.delivered(), delivered + 1, "one verification mail, not one per click");
});

test("scheduler calls to both servers at the same moment send a due mail once, and each logs what it did", async () => {
  smtp.mode = "answer";
  const delivered = smtp.delivered();
  const address = randomEmail("concurrent");
  await queueMail(address);
  const runs = await Promise.all([stack.baseUrl, secondServer.baseUrl, stack.baseUrl, secondServer.baseUrl].map((url) => cronMail(url)));
  assert.equal(
    runs.reduce((sum, { run }) => sum + run.sent, 0),
    1,
  );
  assert.equal(
    runs.reduce((sum, { run }) => sum + run.attempted, 0),
    1,
  );
  await sleep(300);
  assert.equal(smtp.delivered(), delivered + 1);
  // One log line per call, under the call's request id, with the numbers its answer gave.
  const logFile = path.join(TEST_DATA_DIR, "own-slow-smtp", "app.log");
  const logged = async () => {
    const lines = (await readFile(logFile, "utf8")).split("\n").filter((line) => line.startsWith("{"));
    return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === "mail delivery run");
  };
  await waitUntil("the runs are logged", async () => {
    const entries = await logged();
    return runs.every(({ requestId }) => entries.some((entry) => entry.requestId === requestId));
  });
  const entries = await logged();
  for (const { run, requestId } of runs) {
    const lines = entries.filter((entry) => entry.requestId === requestId);
    assert.equal(lines.length, 1);
    assert.deepEqual(lines[0], { ...lines[0], trigger: "cron", ...run });
  }
});

test("on Vercel the in-process sweeper is off by default: a due mail waits for the scheduler", async () => {
  smtp.mode = "answer";
  const address = randomEmail("no-sweeper");
  await queueMail(address);
  // The sweeper would have taken it within its five-second tick.
  await sleep(7_000);
  assert.deepEqual(await intentOf(address), { attempts: 0, lastError: null, sent: false });
  assert.equal((await cronMail(stack.baseUrl)).run.sent, 1);
  assert.equal((await intentOf(address)).sent, true);
});
