// App processes on the test stack's database, started the ways hosts run the build; the caller
// stops them (tests/helpers/app.ts stops a node:test file's when it ends; a Playwright suite its own).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { findFreePort } from "../../scripts/services";
import { testEnv } from "./env";

const NEXT = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
// The standalone server is the Docker image's CMD; it reads PORT and HOSTNAME.
const STANDALONE_SERVER = path.join(process.cwd(), ".next", "standalone", "server.js");
export type HowServed = "server.ts" | "next start" | "standalone";

export function command(how: HowServed, port: number): string[] {
  if (how === "server.ts") return ["--import", "tsx", "server.ts"];
  return how === "standalone" ? [STANDALONE_SERVER] : [NEXT, "start", "-p", String(port), "-H", "127.0.0.1"];
}

// Settings the stack's own app has that a fresh deployment would not.
const { TRUSTED_PROXY_HOPS: _hops, COUNTRY_HEADER: _country, CLIENT_IP_HEADER: _header, VERCEL: _vercel, ...inherited } = process.env;

// The environment of another process of the stack's deployment (an instance, a reminder run):
// this process's own without the settings above, the stack's database, secrets and origin, and an
// SMTP server that refuses (port 9, discard), unless `extra` says otherwise.
export function stackProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = testEnv();
  return {
    ...inherited,
    NODE_ENV: "production",
    APP_URL: env.TEST_BASE_URL,
    DATABASE_URL: env.TEST_DATABASE_URL,
    SMTP_URL: "smtp://127.0.0.1:9",
    AUTH_SECRET: env.TEST_AUTH_SECRET,
    AUTH_SIGNING_KEYS: env.TEST_AUTH_SIGNING_KEYS,
    ...extra,
  };
}

// What each server started here has printed so far, by its base URL.
const printed = new Map<string, string>();
export function printedBy(url: string): string {
  return printed.get(url) ?? "";
}

// Serves the build on a port of its own; answers its base URL and process. `extra.PORT` picks the
// port (for tests that name every instance's origin before starting them).
export async function spawnApp(how: HowServed, extra: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = extra.PORT ? Number(extra.PORT) : await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, command(how, port), {
    env: stackProcessEnv({ PORT: String(port), HOSTNAME: "127.0.0.1", APP_URL: url, ...extra }),
    stdio: ["ignore", "pipe", "pipe"],
  });
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
      return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`${how} did not start`);
}
