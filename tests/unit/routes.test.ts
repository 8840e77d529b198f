import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";

const METHOD_EXPORT = /^export const (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) = route\(/;

// Every route handler is made by lib/http/route.ts, so none can skip the declared auth, the
// same-origin check on writes or input parsing. A new file written any other way fails here.
test("every route handler is built by the one route builder", async () => {
  const files = (await readdir("app", { recursive: true })).filter((file) => path.basename(file) === "route.ts");
  assert.ok(files.length > 40, `found only ${files.length} route files`);
  const offenders: string[] = [];
  for (const file of files) {
    const exports = (await readFile(path.join("app", file), "utf8")).split("\n").filter((line) => line.startsWith("export "));
    if (exports.length === 0) offenders.push(`${file}: exports nothing`);
    for (const line of exports) if (!METHOD_EXPORT.test(line)) offenders.push(`${file}: ${line}`);
  }
  assert.deepEqual(offenders, []);
});

// The middleware lets every /api/cron/ request through to its handler (a scheduler has no session),
// so each of them must check CRON_SECRET itself; the cron mode is the one that does. And the mode is
// for those paths only: elsewhere the middleware would ask the scheduler for an access token.
test('every route under app/api/cron is built with auth "cron", and no other route is', async () => {
  const files = (await readdir("app", { recursive: true })).filter((file) => path.basename(file) === "route.ts");
  const offenders: string[] = [];
  for (const file of files) {
    const underCron = file.startsWith(path.join("api", "cron") + path.sep);
    const cronAuth = /route\(\s*\{\s*auth:\s*"cron"/.test(await readFile(path.join("app", file), "utf8"));
    if (underCron !== cronAuth) offenders.push(file);
  }
  assert.ok(
    files.some((file) => file.startsWith(path.join("api", "cron") + path.sep)),
    "no cron routes found",
  );
  assert.deepEqual(offenders, []);
});

// Problems are named by error code and dictionary key where they are found and worded once, in the
// request's language, by lib/http/handler.ts: a domain module that read a dictionary would word
// them in a language of its own choosing again, and a route that passed one in would bring it back.
test("no domain module reads a dictionary, and no route hands one to it", async () => {
  const offenders: string[] = [];
  for (const dir of ["lib/auth", "lib/planner"]) {
    for (const file of await readdir(dir)) {
      if (/@\/lib\/i18n\/(dictionaries|server)"/.test(await readFile(path.join(dir, file), "utf8"))) offenders.push(path.join(dir, file));
    }
  }
  for (const file of (await readdir("app", { recursive: true })).filter((name) => path.basename(name) === "route.ts")) {
    if (/\.t\.validation\b/.test(await readFile(path.join("app", file), "utf8"))) offenders.push(path.join("app", file));
  }
  assert.deepEqual(offenders, []);
});
