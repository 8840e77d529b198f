// Browser-side hardening, as a browser receives it (ASVS V3.4).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.split(" ")[0] ?? "", part.slice(part.indexOf(" ") + 1)]),
  );
}

test("every page has a nonce-based CSP without unsafe-inline scripts, fresh on each response", async () => {
  const { client } = await signedInUser();
  const nonces = new Set<string>();
  for (const [who, path] of [
    [new Client(), "/"],
    [new Client(), "/login"],
    [new Client(), "/signup"],
    [client, "/dashboard"],
    [client, "/dashboard/todo"],
  ] as const) {
    const response = await who.request(path);
    assert.equal(response.status, 200, path);
    const csp = directives(response.headers.get("content-security-policy"));
    const script = csp.get("script-src") ?? "";
    assert.match(script, /'nonce-[A-Za-z0-9+/=]+'/, path);
    assert.ok(!script.includes("'unsafe-inline'"), path);
    assert.equal(csp.get("object-src"), "'none'");
    assert.equal(csp.get("base-uri"), "'none'");
    assert.equal(csp.get("frame-ancestors"), "'none'");
    const nonce = /'nonce-([^']+)'/.exec(script)?.[1] ?? "";
    nonces.add(nonce);
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(scripts.length > 0);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${path}: ${tag}`);
  }
  assert.equal(nonces.size, 5, "a new nonce per response");
});

test("pages and API responses carry nosniff, a referrer policy, COOP and no X-Powered-By", async () => {
  for (const path of ["/", "/login", "/api/health", "/api/auth/me"]) {
    const response = await new Client().request(path);
    assert.equal(response.headers.get("x-content-type-options"), "nosniff", path);
    assert.equal(response.headers.get("referrer-policy"), "strict-origin-when-cross-origin", path);
    assert.equal(response.headers.get("cross-origin-opener-policy"), "same-origin", path);
    assert.equal(response.headers.get("x-powered-by"), null, path);
    assert.ok(response.headers.get("content-security-policy")?.includes("frame-ancestors 'none'"), path);
  }
  const page = await new Client().request("/");
  assert.match(page.headers.get("permissions-policy") ?? "", /camera=\(\)/);
});

test("logout asks the browser to clear what it keeps for the site", async () => {
  const { client } = await signedInUser();
  const response = await client.post("/api/auth/logout");
  assert.match(response.headers.get("clear-site-data") ?? "", /"storage"/);
});
