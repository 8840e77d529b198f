import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { apiCredential, isPlannerApi } from "@/lib/auth/api-credentials";
import { PERSONAL_TOKEN_SCOPES } from "@/lib/validations/personal-token-rules";

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
    // Recursive: lib/auth/sso/ holds company sign-in, and domain code in subfolders is held to it too.
    for (const file of (await readdir(dir, { recursive: true })).filter((name) => name.endsWith(".ts"))) {
      if (/@\/lib\/i18n\/(dictionaries|server)"/.test(await readFile(path.join(dir, file), "utf8"))) offenders.push(path.join(dir, file));
    }
  }
  for (const file of (await readdir("app", { recursive: true })).filter((name) => path.basename(name) === "route.ts")) {
    if (/\.t\.validation\b/.test(await readFile(path.join("app", file), "utf8"))) offenders.push(path.join("app", file));
  }
  assert.deepEqual(offenders, []);
});

const PAT_SCOPE = /\bpat:\s*"([^"]+)"/;

// Every exported handler with the `pat` scope it declares (undefined when it declares none), read
// from the source as the route builder receives it.
async function routeScopes(): Promise<{ route: string; method: string; scope: string | undefined; auth: string | undefined }[]> {
  const files = (await readdir("app", { recursive: true })).filter((file) => path.basename(file) === "route.ts");
  const handlers = [];
  for (const file of files) {
    const source = await readFile(path.join("app", file), "utf8");
    // Each handler's spec runs from its `export const` to the next one.
    for (const part of source.split(/^(?=export const )/m).filter((chunk) => chunk.startsWith("export const "))) {
      const method = /^export const (\w+)/.exec(part)?.[1] ?? "?";
      const spec = part.slice(0, part.indexOf("}") + 1);
      handlers.push({ route: `/${path.dirname(file).split(path.sep).join("/")}`, method, scope: PAT_SCOPE.exec(spec)?.[1], auth: /auth:\s*"(\w+)"/.exec(spec)?.[1] });
    }
  }
  return handlers;
}

// Personal access tokens reach the planner API and nothing else (lib/http/route.ts refuses one on
// every route that does not name a scope): the routes that take one are exactly these, a read
// needs planner:read and a change planner:write, and each lies where the middleware lets tokens
// through. A new route, anywhere, stays closed to tokens until it is added here on purpose.
test("personal access tokens open only the planner API, with planner:read for GET and planner:write for changes", async () => {
  const handlers = await routeScopes();
  const open = handlers.filter((handler) => handler.scope !== undefined);
  assert.deepEqual(open.map((handler) => `${handler.method} ${handler.route}`).sort(), [
    "DELETE /api/bucket-items/[id]",
    "DELETE /api/events/[id]",
    "DELETE /api/todos/[id]",
    "GET /api/bucket-items",
    "GET /api/events",
    "GET /api/events/export.ics",
    "GET /api/holidays",
    "GET /api/search",
    "GET /api/todos",
    "PATCH /api/bucket-items/[id]",
    "PATCH /api/events/[id]",
    "PATCH /api/todos/[id]",
    "POST /api/bucket-items",
    "POST /api/events",
    "POST /api/events/import",
    "POST /api/todos",
  ]);
  for (const handler of open) {
    assert.ok((PERSONAL_TOKEN_SCOPES as readonly string[]).includes(handler.scope ?? ""), `${handler.route}: unknown scope ${handler.scope}`);
    assert.equal(handler.scope, handler.method === "GET" || handler.method === "HEAD" ? "planner:read" : "planner:write", `${handler.method} ${handler.route}`);
    assert.equal(handler.auth, "user", `${handler.route}: only signed-in routes take tokens`);
    assert.ok(isPlannerApi(handler.route), `${handler.route} is not where the middleware lets tokens through`);
  }
  for (const handler of handlers.filter((entry) => /^\/api\/(auth|admin|settings)(\/|$)/.test(entry.route))) {
    assert.equal(handler.scope, undefined, `${handler.method} ${handler.route} must refuse personal access tokens`);
    assert.ok(!isPlannerApi(handler.route), handler.route);
  }
});

// The same-origin check is on for every write unless a route's spec says why not
// (crossSiteAllowedBecause): services calling with their own credentials, and the SAML ACS, where
// the IdP's page posts from the IdP's origin. A new exemption fails here until it is added on purpose.
test("only the introspection endpoint and the SAML ACS skip the same-origin check", async () => {
  const files = (await readdir("app", { recursive: true })).filter((file) => path.basename(file) === "route.ts");
  const exempt: string[] = [];
  for (const file of files) {
    const source = await readFile(path.join("app", file), "utf8");
    for (const part of source.split(/^(?=export const )/m).filter((chunk) => chunk.startsWith("export const "))) {
      if (/crossSiteAllowedBecause:\s*"[^"]{20,}"/.test(part)) exempt.push(`${/^export const (\w+)/.exec(part)?.[1]} /${path.dirname(file).split(path.sep).join("/")}`);
      else assert.ok(!part.includes("crossSiteAllowedBecause"), `${file}: an exemption must say why`);
    }
  }
  assert.deepEqual(exempt.sort(), ["POST /api/auth/introspect", "POST /api/auth/sso/saml/[id]/acs"]);
});

// A request decides which credential it carries before any route runs; a cookie and a header at
// once are neither, and a machine's secret or a refresh token in the header is only ever a bearer
// to be verified as an access token (and refused).
test("a request's credential: the cookie, a Bearer access token, a personal access token, or ambiguous", async () => {
  const request = (cookie: string | undefined, authorization: string | undefined) => ({
    headers: new Headers(authorization ? { authorization } : {}),
    cookies: { get: (name: string) => (name === "ACCESS_TOKEN" && cookie !== undefined ? { value: cookie } : undefined) },
  });
  assert.deepEqual(apiCredential(request(undefined, undefined)), { kind: "none" });
  assert.deepEqual(apiCredential(request("jwt", undefined)), { kind: "cookie", token: "jwt" });
  assert.deepEqual(apiCredential(request(undefined, "Bearer jwt")), { kind: "bearer", token: "jwt" });
  assert.deepEqual(apiCredential(request(undefined, "bearer tpat_abc")), { kind: "personal", token: "tpat_abc" });
  assert.deepEqual(apiCredential(request("jwt", "Bearer other")), { kind: "ambiguous" });
  assert.deepEqual(apiCredential(request("jwt", "Bearer tpat_abc")), { kind: "ambiguous" });
  // Not a bearer at all: the cookie alone counts.
  assert.deepEqual(apiCredential(request("jwt", "Basic dXNlcjpwYXNz")), { kind: "cookie", token: "jwt" });
  assert.deepEqual(apiCredential(request(undefined, "Bearer two words")), { kind: "none" });
});
