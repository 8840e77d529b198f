import assert from "node:assert/strict";
import { test } from "node:test";
import { api } from "@/lib/client/api";
import { signedInUser } from "../helpers/users";

// The browser's fetch wrapper (lib/client/api.ts) run against the real server: its relative URLs and
// cookies go through a test client's cookie jar, as a browser tab's would.
test("20 parallel calls with a lapsed access token share exactly one refresh, and all 20 succeed on retry", async () => {
  const { client } = await signedInUser();
  const seen: string[] = [];
  const browserFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? "GET";
    const response = await client.request(path, { method, body: typeof init?.body === "string" ? init.body : undefined });
    seen.push(`${method} ${path} ${response.status}`);
    return response;
  };
  try {
    // As after 15 minutes: the access token no longer passes; the refresh cookie still does.
    client.setCookie("ACCESS_TOKEN", "lapsed.access.token");
    const results = await Promise.all(Array.from({ length: 20 }, () => api<unknown[]>("/api/todos")));
    assert.equal(results.filter((result) => result.ok).length, 20);
    assert.equal(seen.filter((call) => call === "POST /api/auth/token/refresh 200").length, 1);
    assert.equal(seen.filter((call) => call.startsWith("POST /api/auth/token/refresh")).length, 1);
    assert.equal(seen.filter((call) => call === "GET /api/todos 401").length, 20);
    assert.equal(seen.filter((call) => call === "GET /api/todos 200").length, 20);
  } finally {
    globalThis.fetch = browserFetch;
  }
});
