// Per-address limits cannot be reset, nor records filled, by an address the client writes itself
// (ASVS V15.3.4, V4.1.3): only the source the operator names is believed.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { startApp } from "../helpers/app";
import { Client, randomAddress } from "../helpers/http";
import { randomEmail, signedInUser } from "../helpers/users";

after(closeTestDb);

test("behind the stack's one trusted proxy, entries a client adds to the left change nothing", async () => {
  const client = new Client();
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 21; attempt++) {
    // The "proxy" reports the client's address last; the client's own claim sits to its left.
    const response = await client.post("/api/auth/verify/resend", { email: randomEmail("rotate") }, { headers: { "x-forwarded-for": `${randomAddress()}, ${client.address}` } });
    statuses.push(response.status);
  }
  assert.deepEqual(statuses, [...Array(20).fill(202), 429]);
});

async function resendStatuses(url: string, headers: () => Record<string, string>): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 21; attempt++) {
    const response = await fetch(`${url}/api/auth/verify/resend`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: url, ...headers() },
      body: JSON.stringify({ email: randomEmail("direct") }),
    });
    statuses.push(response.status);
  }
  return statuses;
}

// Signs in on `url` and answers what the session row recorded as the client.
async function recordedAddress(url: string, headers: Record<string, string>): Promise<{ ip: string | null; country: string | null }> {
  const { email } = await signedInUser();
  await testDb().query(`DELETE FROM "KnownDevice" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [email]);
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url, ...headers },
    body: JSON.stringify({ email, password: "correct horse battery staple" }),
  });
  assert.equal(response.status, 200);
  const { rows } = await testDb().query(`SELECT s.ip, s.country FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`, [email]);
  return rows[0];
}

describe("the client address, as each host serves the app", () => {
  test("npm start (server.ts) reached directly: the socket address counts, any X-Forwarded-For is ignored", async () => {
    const url = await startApp("server.ts", { TRUSTED_PROXY_HOPS: "0" });
    assert.deepEqual(await resendStatuses(url, () => ({ "x-forwarded-for": randomAddress(), "x-tropical-socket-address": randomAddress() })), [...Array(20).fill(202), 429]);
    assert.deepEqual(await recordedAddress(url, { "x-forwarded-for": "6.6.6.6", "x-test-country": "KP" }), { ip: "127.0.0.1", country: null });
  });

  // The finding: without server.ts, Next keeps the client's X-Forwarded-For, and hops=0 read it.
  test("plain next start with no trusted source: nothing the client writes becomes its address", async () => {
    const url = await startApp("next start", {});
    const { ip } = await recordedAddress(url, { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7", "x-tropical-socket-address": "6.6.6.8" });
    assert.equal(ip, null, "unknown, not the client's claim");
    const { rows } = await testDb().query(`SELECT ip FROM "SecurityEvent" WHERE ip IN ('6.6.6.6', '6.6.6.7', '6.6.6.8')`);
    assert.deepEqual(rows, []);
  });

  test("a platform header (CLIENT_IP_HEADER) names the client; X-Forwarded-For rotations change nothing", async () => {
    const url = await startApp("next start", { CLIENT_IP_HEADER: "x-real-ip", COUNTRY_HEADER: "x-test-country" });
    const client = randomAddress();
    assert.deepEqual(await resendStatuses(url, () => ({ "x-real-ip": client, "x-forwarded-for": randomAddress() })), [...Array(20).fill(202), 429]);
    assert.deepEqual(await recordedAddress(url, { "x-real-ip": "203.0.113.9", "x-forwarded-for": "6.6.6.6", "x-test-country": "kr" }), { ip: "203.0.113.9", country: "KR" });
  });

  test("on Vercel (VERCEL=1) the platform's own headers are the defaults: the address and the country", async () => {
    const url = await startApp("next start", { VERCEL: "1" });
    assert.deepEqual(await recordedAddress(url, { "x-vercel-forwarded-for": "198.51.100.7", "x-forwarded-for": "6.6.6.6", "x-vercel-ip-country": "JP" }), { ip: "198.51.100.7", country: "JP" });
  });
});
