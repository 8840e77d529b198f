import assert from "node:assert/strict";
import { test } from "node:test";
import { assertSameOrigin } from "@/lib/auth/csrf";

const APP = "https://tropical.example";

function check(headers: Record<string, string>, allowed: string[] = [APP]): "allowed" | "refused" {
  try {
    assertSameOrigin(new Request(`${APP}/api/auth/login`, { method: "POST", headers }), allowed);
    return "allowed";
  } catch {
    return "refused";
  }
}

test("our own origin is allowed, with or without Sec-Fetch-Site", () => {
  assert.equal(check({ origin: APP }), "allowed");
  assert.equal(check({ origin: APP, "sec-fetch-site": "same-origin" }), "allowed");
});

test("foreign, null, look-alike and sibling origins are refused", () => {
  for (const origin of ["https://evil.example", "null", "http://tropical.example", "https://tropical.example.evil.example", "https://sub.tropical.example"]) {
    assert.equal(check({ origin }), "refused", origin);
  }
});

test("a cross-site or same-site fetch is refused even without Origin", () => {
  assert.equal(check({ "sec-fetch-site": "cross-site" }), "refused");
  assert.equal(check({ "sec-fetch-site": "same-site" }), "refused");
  assert.equal(check({ origin: APP, "sec-fetch-site": "cross-site" }), "refused");
});

test("a non-browser client (no Origin, no Sec-Fetch-Site) carries no ambient cookies risk and is allowed", () => {
  assert.equal(check({}), "allowed");
});

test("an origin the operator added (ALLOWED_ORIGINS) is allowed; its look-alikes are not", () => {
  const allowed = [APP, "https://www.tropical.example"];
  assert.equal(check({ origin: "https://www.tropical.example", "sec-fetch-site": "same-origin" }, allowed), "allowed");
  assert.equal(check({ origin: "https://www.tropical.example" }), "refused", "not without the setting");
  for (const origin of ["https://www.tropical.example.evil.example", "http://www.tropical.example", "https://wwwtropical.example"]) {
    assert.equal(check({ origin }, allowed), "refused", origin);
  }
});
