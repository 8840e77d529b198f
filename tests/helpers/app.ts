// Further app processes on the test stack's database for node:test files, stopped when the file ends.
import { spawn, type ChildProcess } from "node:child_process";
import { after } from "node:test";
import { findFreePort } from "../../scripts/services";
import { command, spawnApp, type HowServed } from "./app-process";

export { printedBy, type HowServed } from "./app-process";

const running: ChildProcess[] = [];
after(() => {
  for (const child of running) child.kill("SIGTERM");
});

// Serves the build on a port of its own until the test file ends; answers its base URL.
// `extra.PORT` picks the port (for tests that name every instance's origin before starting them).
export async function startApp(how: HowServed, extra: Record<string, string>): Promise<string> {
  const { url, child } = await spawnApp(how, extra);
  running.push(child);
  return url;
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
