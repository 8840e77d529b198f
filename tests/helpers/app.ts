// Further app processes on the test stack's database, started the ways hosts run the build.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { after } from "node:test";
import { findFreePort } from "../../scripts/services";
import { testEnv } from "./env";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
export type HowServed = "server.ts" | "next start";

function command(how: HowServed, port: number): string[] {
  return how === "server.ts" ? ["--import", "tsx", "server.ts"] : [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"];
}

// Settings the stack's own app has that a fresh deployment would not.
const { TRUSTED_PROXY_HOPS: _hops, COUNTRY_HEADER: _country, CLIENT_IP_HEADER: _header, VERCEL: _vercel, ...inherited } = process.env;

const running: ChildProcess[] = [];
after(() => {
  for (const child of running) child.kill("SIGTERM");
});

// What each server started here has printed so far, by its base URL.
const printed = new Map<string, string>();
export function printedBy(url: string): string {
  return printed.get(url) ?? "";
}

// Serves the build on a port of its own until the test file ends; answers its base URL.
// `extra.PORT` picks the port (for tests that name every instance's origin before starting them).
export async function startApp(how: HowServed, extra: Record<string, string>): Promise<string> {
  const port = extra.PORT ? Number(extra.PORT) : await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const env = testEnv();
  const child = spawn(process.execPath, command(how, port), {
    env: {
      ...inherited,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: env.TEST_DATABASE_URL,
      SMTP_URL: "smtp://127.0.0.1:9",
      AUTH_SECRET: env.TEST_AUTH_SECRET,
      AUTH_SIGNING_KEYS: env.TEST_AUTH_SIGNING_KEYS,
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  printed.set(url, "");
  const keep = (chunk: Buffer) => printed.set(url, printedBy(url) + chunk.toString());
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return url;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${how} did not start`);
}

// Starts the build with exactly `env` (and PATH) and collects what it prints until it exits; one
// that keeps running past the bound is killed and fails the caller's assertions.
export async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await findFreePort();
  const child = spawn(process.execPath, command("next start", port), { env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env } });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}
