import assert from "node:assert/strict";
import { test } from "node:test";
import { appOrigins } from "@/lib/http/app-origin";

test("APP_URL names the origin, reduced to scheme, host and port; ALLOWED_ORIGINS add to what writes accept", () => {
  assert.deepEqual(appOrigins({ APP_URL: "https://planner.example/some/path", ALLOWED_ORIGINS: " https://www.planner.example ,,http://localhost:3000/x" }), {
    origin: "https://planner.example",
    allowed: ["https://planner.example", "https://www.planner.example", "http://localhost:3000"],
    preview: false,
  });
});

test("nothing names the origin: null, for the caller to refuse (production) or default (development)", () => {
  assert.equal(appOrigins({}), null);
  assert.equal(appOrigins({ VERCEL: "1", VERCEL_ENV: "production" }), null);
});

test("on Vercel production without APP_URL, the project's production domain", () => {
  assert.equal(
    appOrigins({ VERCEL: "1", VERCEL_ENV: "production", VERCEL_PROJECT_PRODUCTION_URL: "tropical.vercel.app", VERCEL_URL: "tropical-abc.vercel.app" })?.origin,
    "https://tropical.vercel.app",
  );
});

test("a preview deployment is its own origin whatever APP_URL says, its branch URL allowed beside it", () => {
  const origins = appOrigins({ APP_URL: "https://planner.example", VERCEL: "1", VERCEL_ENV: "preview", VERCEL_URL: "tropical-abc.vercel.app", VERCEL_BRANCH_URL: "tropical-git-x.vercel.app" });
  assert.deepEqual(origins, { origin: "https://tropical-abc.vercel.app", allowed: ["https://tropical-abc.vercel.app", "https://tropical-git-x.vercel.app"], preview: true });
});

test("a value that is not an http(s) origin is refused, naming the variable", () => {
  assert.throws(() => appOrigins({ APP_URL: "https://planner.example", ALLOWED_ORIGINS: "javascript:alert(1)" }), /ALLOWED_ORIGINS must be an http\(s\) origin/);
  assert.throws(() => appOrigins({ APP_URL: "planner.example" }), /APP_URL must be an http\(s\) origin/);
});
