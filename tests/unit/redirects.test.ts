import assert from "node:assert/strict";
import { test } from "node:test";
import { safeNextPath } from "@/lib/auth/redirects";

test("same-site paths are kept, with their query", () => {
  assert.equal(safeNextPath("/dashboard/todo"), "/dashboard/todo");
  assert.equal(safeNextPath("/dashboard?view=week"), "/dashboard?view=week");
});

test("anything that could leave the site falls back to /dashboard", () => {
  const payloads = [
    null,
    undefined,
    "",
    "dashboard",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    "\\\\evil.example",
    "/%0d%0aSet-Cookie:x=y".replace("%0d%0a", "\r\n"),
    "/\tevil",
    `/${"a".repeat(3000)}`,
  ];
  for (const payload of payloads) assert.equal(safeNextPath(payload), "/dashboard", String(payload));
});
