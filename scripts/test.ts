// `npm test`: lint, format check, type-check, production build, then every suite against one test stack
// (scripts/test-stack.ts): unit, integration and security tests on node:test, then Playwright.
// Ends with one line "N passed, N failed" over all of them; exits non-zero on any failure.
// `npm test -- FILE…` runs only those files (node:test or Playwright, by folder) against the stack,
// reusing the existing production build: the quick loop while working on one suite.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { stackEnv, startTestStack, TEST_DATA_DIR, type TestStack } from "./test-stack";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function testFiles(dir: string): Promise<string[]> {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  const entries = await readdir(full, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith(".test.ts"))
    .sort()
    .map((entry) => path.join(dir, entry));
}

async function nodeCounts(tapFile: string): Promise<{ passed: number; failed: number }> {
  const tap = await readFile(tapFile, "utf8").catch(() => "");
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(tap)?.[1] ?? 0);
  return { passed: count("pass"), failed: count("fail") + count("cancelled") };
}

const playwrightReportSchema = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

async function playwrightCounts(jsonFile: string): Promise<{ passed: number; failed: number }> {
  const parsed = playwrightReportSchema.safeParse(JSON.parse(await readFile(jsonFile, "utf8").catch(() => "{}")));
  if (!parsed.success) return { passed: 0, failed: 1 };
  const { expected, unexpected, flaky, skipped } = parsed.data.stats;
  // A skipped test is a defect here, so it counts as a failure.
  return { passed: expected + flaky, failed: unexpected + skipped };
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  if (only.length === 0) {
    // Through npm, so the commands are the ones package.json names; silent when all is well.
    if ((await run("lint (npm run lint)", "npm", ["run", "--silent", "lint"])) !== 0) return 1;
    if ((await run("format check (npm run format:check)", "npm", ["run", "--silent", "format:check", "--", "--log-level", "warn"])) !== 0) return 1;
    if ((await run("type-check", bin("tsc"), ["--noEmit"])) !== 0) return 1;
    if ((await run("production build (npm run build)", bin("tsx"), ["scripts/build.ts"])) !== 0) return 1;
  }

  console.log("\n▶ starting the test stack (embedded PostgreSQL, SMTP catcher, next start)");
  let stack: TestStack;
  try {
    stack = await startTestStack();
  } catch (error) {
    console.error(`could not start the test stack: ${(error as Error).message}`);
    return 1;
  }
  await mkdir(TEST_DATA_DIR, { recursive: true });
  const env = stackEnv(stack);
  const totals = { passed: 0, failed: 0 };
  try {
    const allNodeFiles = [...(await testFiles("tests/unit")), ...(await testFiles("tests/integration")), ...(await testFiles("tests/security")), ...(await testFiles("tests/resilience"))];
    const files = only.length ? only.filter((file) => file.startsWith("tests/")) : allNodeFiles;
    const e2eFiles = only.filter((file) => file.startsWith("e2e/"));
    const node = files.length ? await runNodeTests(files, env) : { passed: 0, failed: 0 };
    const e2e = only.length === 0 || e2eFiles.length ? await runPlaywright(e2eFiles, env) : { passed: 0, failed: 0 };
    // Last, over the log of everything above: nothing secret was written.
    const logs = only.length === 0 ? await runNodeTests(await testFiles("tests/logs"), env, "log checks (node:test)", "log-tests.tap") : { passed: 0, failed: 0 };
    totals.passed = node.passed + e2e.passed + logs.passed;
    totals.failed = node.failed + e2e.failed + logs.failed;
    console.log(`\nnode:test ${node.passed + logs.passed} passed, ${node.failed + logs.failed} failed; Playwright ${e2e.passed} passed, ${e2e.failed} failed`);
  } finally {
    await stack.stop();
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

async function runNodeTests(
  files: string[],
  env: Record<string, string>,
  label = "unit, integration and security tests (node:test)",
  tapName = "node-tests.tap",
): Promise<{ passed: number; failed: number }> {
  const tapFile = path.join(TEST_DATA_DIR, tapName);
  await run(
    label,
    process.execPath,
    ["--import", "tsx", "--test", "--test-reporter=spec", "--test-reporter-destination=stdout", "--test-reporter=tap", `--test-reporter-destination=${tapFile}`, ...files],
    env,
  );
  const counts = await nodeCounts(tapFile);
  // A run that counted nothing did not run: that is a failure, not a pass.
  return counts.passed + counts.failed === 0 ? { passed: 0, failed: 1 } : counts;
}

async function runPlaywright(files: string[], env: Record<string, string>): Promise<{ passed: number; failed: number }> {
  const jsonFile = path.join(TEST_DATA_DIR, "playwright.json");
  await run("end-to-end tests (Playwright)", bin("playwright"), ["test", ...files], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile });
  return playwrightCounts(jsonFile);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
