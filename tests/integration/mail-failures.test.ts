// When the SMTP server refuses a code mail, the failure is logged for the operator, and the code is
// not: someone who can read the logs must not be able to finish another person's sign-up.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { stackProcessEnv } from "../helpers/app-process";

test("a code mail the SMTP server refuses is logged by its domain, without its code", async () => {
  const code = "482913";
  // Port 9 (discard) refuses connections on loopback: every attempt fails at once.
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/mail-send-run.ts", "someone@example.test", code], {
    env: stackProcessEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  assert.equal(exitCode, 0, output);
  assert.deepEqual(JSON.parse(output.trim().split("\n").at(-1) ?? ""), { sent: false });
  const failures = output.split("\n").filter((line) => line.includes('"mail send failed"'));
  assert.equal(failures.length, 3, output);
  for (const line of failures) assert.equal((JSON.parse(line) as { domain?: string }).domain, "example.test");
  assert.ok(!output.includes(code), `the log holds the code:\n${output}`);
});
