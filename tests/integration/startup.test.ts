import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { findFreePort } from "../../scripts/services";
import { Client } from "../helpers/http";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

// Starts the production build with the given environment and collects what it prints until it exits
// (bounded: a server that keeps running fails the test).
async function startProduction(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await findFreePort();
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env };
  const child = spawn(process.execPath, [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"], { env: childEnv });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

const GOOD = { DATABASE_URL: "postgresql://app@127.0.0.1:1/app", SMTP_URL: "smtp://127.0.0.1:1", AUTH_SECRET: "s".repeat(32) };

test("production refuses to start without AUTH_SECRET, naming it in one line", async () => {
  const { AUTH_SECRET: _omitted, ...rest } = GOOD;
  const { code, output } = await startProduction(rest);
  assert.equal(code, 1);
  assert.match(output, /^TropiCal cannot start: Invalid configuration: AUTH_SECRET is required \(at least 32 bytes\)$/m);
  assert.ok(!/\n\s+at /.test(output), "no stack trace");
});

test("production refuses a short AUTH_SECRET and a malformed SMTP_URL", async () => {
  const short = await startProduction({ ...GOOD, AUTH_SECRET: "x".repeat(31) });
  assert.equal(short.code, 1);
  assert.match(short.output, /TropiCal cannot start: Invalid configuration: AUTH_SECRET must be at least 32 bytes/);
  const smtp = await startProduction({ ...GOOD, SMTP_URL: "mail.example.com" });
  assert.equal(smtp.code, 1);
  assert.match(smtp.output, /TropiCal cannot start: Invalid configuration: SMTP_URL must be an smtp/);
});

test("the development mailbox does not exist in production", async () => {
  const response = await new Client().request("/dev/mailbox");
  assert.equal(response.status, 404);
  const html = await response.text();
  assert.ok(!html.includes("Dev mailbox") && !html.includes("never leaves the machine"));
  assert.ok(html.includes("404"));
});
