// The scheduler's routes: what vercel.json schedules exists and works with CRON_SECRET, and nothing
// else gets in — no secret, a wrong or near one, the metrics token, a HEAD — nor, without the
// variable, finds the routes at all.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { z } from "zod";
import { printedBy, startApp } from "../helpers/app";
import { testEnv } from "../helpers/env";

const vercelSchema = z.object({ crons: z.array(z.object({ path: z.string(), schedule: z.string() })) });

async function scheduledPaths(): Promise<{ path: string; schedule: string }[]> {
  return vercelSchema.parse(JSON.parse(await readFile("vercel.json", "utf8"))).crons;
}

function call(pathname: string, authorization?: string, method = "GET", base = testEnv().TEST_BASE_URL): Promise<Response> {
  return fetch(`${base}${pathname}`, { method, headers: authorization === undefined ? {} : { authorization } });
}

const mailRunSchema = z.strictObject({ attempted: z.number().int(), sent: z.number().int(), failed: z.number().int(), dropped: z.number().int() });
const reminderRunSchema = z.strictObject({ due: z.number().int().min(0), queued: z.number().int().min(0), sent: z.number().int().min(0), pushed: z.number().int().min(0) });
const retentionRunSchema = z.strictObject({ removed: z.record(z.string(), z.number().int().min(0)), complete: z.boolean() });

test("vercel.json schedules every job, mail and reminders every five minutes and retention daily", async () => {
  const crons = await scheduledPaths();
  assert.deepEqual(crons.map((cron) => cron.path).sort(), ["/api/cron/mail", "/api/cron/reminders", "/api/cron/retention"]);
  assert.equal(crons.find((cron) => cron.path === "/api/cron/mail")?.schedule, "*/5 * * * *");
  // Inside the reminders' ten-minute grace, so none is skipped between two calls.
  assert.equal(crons.find((cron) => cron.path === "/api/cron/reminders")?.schedule, "*/5 * * * *");
  assert.match(crons.find((cron) => cron.path === "/api/cron/retention")?.schedule ?? "", /^\d{1,2} \d{1,2} \* \* \*$/);
});

test("each scheduled path answers the scheduler's call with JSON saying what it did", async () => {
  for (const { path: pathname } of await scheduledPaths()) {
    const response = await call(pathname, `Bearer ${testEnv().TEST_CRON_SECRET}`);
    assert.equal(response.status, 200, pathname);
    assert.equal(response.headers.get("cache-control"), "no-store");
    const body: unknown = await response.json();
    if (pathname === "/api/cron/mail") mailRunSchema.parse(body);
    else if (pathname === "/api/cron/reminders") reminderRunSchema.parse(body);
    else
      assert.deepEqual(Object.keys(retentionRunSchema.parse(body).removed).sort(), [
        "EmailChange",
        "LoginThrottle",
        "MailIntent",
        "PendingSignup",
        "RateLimitBucket",
        "RefreshToken",
        "SamlRequest",
        "SecurityEvent",
        "Session",
        "SignInChallenge",
        "SsoFlow",
        "UsedEmailToken",
        "WebAuthnChallenge",
      ]);
  }
});

test("without the secret, with a wrong or near one, or with the metrics token, the answer is 401 and nothing runs", async () => {
  const secret = testEnv().TEST_CRON_SECRET;
  // Same length as the secret but one character wider in UTF-8 than in the header's own bytes.
  const widened = `é${secret.slice(1)}`;
  // Named, so a failure does not print the secret.
  const refused: [string, string | undefined][] = [
    ["no header", undefined],
    ["an empty header", ""],
    ["the scheme alone", "Bearer"],
    ["the scheme and a space", "Bearer "],
    ["the secret as Basic credentials", `Basic ${Buffer.from(`cron:${secret}`).toString("base64")}`],
    ["the secret less its last character", `Bearer ${secret.slice(0, -1)}`],
    ["the secret and one more", `Bearer ${secret}x`],
    ["the secret upper-cased", `Bearer ${secret.toUpperCase()}`],
    ["the secret after two spaces", `Bearer  ${secret}`],
    ["a same-length value wider in UTF-8", `Bearer ${widened}`],
    ["the metrics token", `Bearer ${testEnv().TEST_METRICS_TOKEN}`],
    ["the header twice", `Bearer ${secret}, Bearer ${secret}`],
  ];
  for (const { path: pathname } of await scheduledPaths()) {
    for (const [what, authorization] of refused) {
      const response = await call(pathname, authorization);
      assert.equal(response.status, 401, `${pathname} with ${what}`);
      assert.equal(response.headers.get("www-authenticate"), 'Bearer realm="cron"');
      assert.deepEqual(await response.json(), { error: { code: "UNAUTHENTICATED", message: "로그인이 필요합니다. 다시 로그인해 주세요." } });
    }
  }
  // Nor does the cron secret read the metrics.
  const metrics = await call("/api/metrics", `Bearer ${secret}`);
  assert.equal(metrics.status, 401);
  assert.equal((await metrics.json()).error.code, "UNAUTHENTICATED");
});

test("a HEAD is refused, with the secret too, before the job runs; other methods do not exist", async () => {
  for (const { path: pathname } of await scheduledPaths()) {
    assert.equal((await call(pathname, undefined, "HEAD")).status, 401);
    const head = await call(pathname, `Bearer ${testEnv().TEST_CRON_SECRET}`, "HEAD");
    assert.equal(head.status, 405);
    assert.equal(head.headers.get("allow"), "GET");
    for (const method of ["POST", "PUT", "DELETE"]) assert.equal((await call(pathname, `Bearer ${testEnv().TEST_CRON_SECRET}`, method)).status, 405, method);
  }
});

test("the scheme is case-insensitive, as HTTP has it", async () => {
  assert.equal((await call("/api/cron/mail", `bearer ${testEnv().TEST_CRON_SECRET}`)).status, 200);
});

test("without CRON_SECRET (or METRICS_TOKEN) the routes do not exist, whatever is sent, and with the sweeper off too the server says nothing will retry mail", async () => {
  const url = await startApp("next start", { MAIL_SWEEPER: "off" });
  const warning = () =>
    printedBy(url)
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level?: string; msg?: string })
      .find((entry) => entry.msg?.startsWith("no background work"));
  for (let tries = 0; !warning() && tries < 50; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(warning()?.level, "warn", printedBy(url));
  for (const pathname of [...(await scheduledPaths()).map((cron) => cron.path), "/api/metrics"]) {
    for (const authorization of [undefined, "Bearer ", `Bearer ${"x".repeat(24)}`]) {
      const response = await call(pathname, authorization, "GET", url);
      assert.equal(response.status, 404, `${pathname} with ${authorization === undefined ? "no header" : JSON.stringify(authorization)}`);
      assert.equal((await response.json()).error.code, "NOT_FOUND");
    }
    assert.equal((await call(pathname, undefined, "HEAD", url)).status, 404);
  }
});
