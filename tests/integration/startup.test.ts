import assert from "node:assert/strict";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { ko } from "@/lib/i18n/ko";
import { runUntilExit, startApp } from "../helpers/app";
import { Client } from "../helpers/http";

const GOOD = { DATABASE_URL: "postgresql://app@127.0.0.1:1/app", SMTP_URL: "smtp://127.0.0.1:1", AUTH_SECRET: "s".repeat(32) };

test("production refuses to start without AUTH_SECRET, naming it in one line", async () => {
  const { AUTH_SECRET: _omitted, ...rest } = GOOD;
  const { code, output } = await runUntilExit(rest);
  assert.equal(code, 1);
  assert.match(output, /^TropiCal cannot start: Invalid configuration: AUTH_SECRET is required \(at least 32 bytes\)$/m);
  assert.ok(!/\n\s+at /.test(output), "no stack trace");
});

test("production refuses a short AUTH_SECRET and a malformed SMTP_URL", async () => {
  const short = await runUntilExit({ ...GOOD, AUTH_SECRET: "x".repeat(31) });
  assert.equal(short.code, 1);
  assert.match(short.output, /TropiCal cannot start: Invalid configuration: AUTH_SECRET must be at least 32 bytes/);
  const smtp = await runUntilExit({ ...GOOD, SMTP_URL: "mail.example.com" });
  assert.equal(smtp.code, 1);
  assert.match(smtp.output, /TropiCal cannot start: Invalid configuration: SMTP_URL must be an smtp/);
});

// The finding: without APP_URL every write from the real host was 403 and every link named localhost.
test("production refuses to start without APP_URL", async () => {
  const { code, output } = await runUntilExit(GOOD);
  assert.equal(code, 1);
  assert.match(output, /^TropiCal cannot start: Invalid configuration: APP_URL is required in production/m);
});

// What a browser on `origin` gets when it posts a sign-in there.
async function signInFrom(url: string, origin: string): Promise<number> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin, "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ email: "nobody@example.com", password: "not the password" }),
  });
  return response.status;
}

// Whether the login page renders the Google button (not just the dictionary text sent along).
async function offersGoogle(url: string): Promise<boolean> {
  return (await (await fetch(`${url}/login`, { headers: { "accept-language": "en" } })).text()).includes("Continue with Google</button>");
}

const GOOGLE = { GOOGLE_CLIENT_ID: "client", GOOGLE_CLIENT_SECRET: "secret" };

test("ALLOWED_ORIGINS adds origins the same-origin check accepts; others are still refused", async () => {
  const url = await startApp("next start", { ...GOOGLE, ALLOWED_ORIGINS: "https://www.planner.example, https://planner.example" });
  assert.equal(await signInFrom(url, "https://www.planner.example"), 401);
  assert.equal(await signInFrom(url, "https://evil.example"), 403);
  assert.equal(await offersGoogle(url), true);
});

test("a Vercel preview is served under its own URL: redirects and writes there, production's refused, social sign-in off", async () => {
  const preview = { VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "tropical-abc123.vercel.app", VERCEL_BRANCH_URL: "tropical-git-feature.vercel.app" };
  const url = await startApp("next start", { ...GOOGLE, ...preview, APP_URL: "https://planner.example" });
  const guarded = await fetch(`${url}/dashboard`, { redirect: "manual" });
  assert.equal(guarded.status, 307);
  assert.match(guarded.headers.get("location") ?? "", /^https:\/\/tropical-abc123\.vercel\.app\//);
  assert.equal(await signInFrom(url, "https://tropical-abc123.vercel.app"), 401);
  assert.equal(await signInFrom(url, "https://tropical-git-feature.vercel.app"), 401);
  assert.equal(await signInFrom(url, "https://planner.example"), 403, "production's origin is another site");
  assert.equal(await offersGoogle(url), false);
});

test("the development mailbox does not exist in production", async () => {
  const response = await new Client().request("/dev/mailbox");
  assert.equal(response.status, 404);
  const html = await response.text();
  assert.ok(!html.includes("Dev mailbox") && !html.includes("never leaves the machine"));
  assert.ok(html.includes("404"));
});

// The "check your e-mail" page links to the development mailbox only where that exists: a
// production server given a catcher folder all the same shows no such link.
test("production's check-your-e-mail page does not link to the development mailbox", async () => {
  const url = await startApp("next start", { MAIL_CATCHER_DIR: path.join(tmpdir(), "tropical-mailbox-unused") });
  const html = await (await fetch(`${url}/verify-required`, { headers: { "accept-language": "ko" } })).text();
  assert.ok(html.includes(ko.verifyRequired.title), "the page is there");
  assert.doesNotMatch(html, /<a[^>]*href="\/dev\/mailbox"/);
  assert.equal((await fetch(`${url}/dev/mailbox`)).status, 404);
});
