// Runs after every other suite, Playwright included (scripts/test.ts), over the app's whole log.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { PASSWORD } from "../helpers/users";

const LOG = path.join(process.cwd(), ".test-data", "app.log");

test("a full run's log holds no token, password or secret", async () => {
  const text = await readFile(LOG, "utf8");
  assert.ok(text.length > 0, "the app wrote a log");
  const secrets: [string, RegExp][] = [
    ["a JWT", /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./],
    ["a token in a URL", /[?&]token=[A-Za-z0-9._%-]{16,}/],
    ["a calendar feed's token", /\/api\/calendar\/[A-Za-z0-9_-]{20,}\.ics/],
    ["a personal access token", /tpat_[A-Za-z0-9_-]{20,}/],
    ["the test password", new RegExp(PASSWORD)],
    ["an e2e password", /pw-[0-9a-f]{10}-long enough|sunlit harbour lanterns/],
    ["the auth secret", new RegExp(process.env.TEST_AUTH_SECRET ?? "unset-secret-never-matches")],
    ["the metrics token", new RegExp(process.env.TEST_METRICS_TOKEN ?? "unset-token-never-matches")],
    ["the cron secret", new RegExp(process.env.TEST_CRON_SECRET ?? "unset-secret-never-matches")],
    ["a service's introspection secret", new RegExp(process.env.TEST_SERVICE_SECRET ?? "unset-secret-never-matches")],
    ["a password field", /"password"\s*:/i],
  ];
  for (const [what, pattern] of secrets) assert.ok(!pattern.test(text), `the log contains ${what}`);
});

test("the app's own log lines are JSON with a level and a request id field", async () => {
  const lines = (await readFile(LOG, "utf8")).split("\n").filter((line) => line.startsWith("{"));
  assert.ok(lines.length > 0, "the app logged something of its own");
  for (const line of lines) {
    const entry = JSON.parse(line) as Record<string, unknown>;
    assert.ok(["info", "warn", "error"].includes(String(entry.level)), line);
    assert.ok("requestId" in entry, line);
  }
});
