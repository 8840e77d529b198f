// Per-address limits cannot be reset by rotating X-Forwarded-For (ASVS V6.1.1, V6.3.1).
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { after, before, test } from "node:test";
import { findFreePort } from "../../scripts/services";
import { testEnv } from "../helpers/env";
import { Client, randomAddress } from "../helpers/http";
import { randomEmail } from "../helpers/users";

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

// A second app process on the same database, reached directly (no proxy), as `npm start` serves it.
let direct: ChildProcess | undefined;
let directUrl = "";

before(async () => {
  const port = await findFreePort();
  directUrl = `http://127.0.0.1:${port}`;
  const env = testEnv();
  direct = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: directUrl,
      TRUSTED_PROXY_HOPS: "0",
      DATABASE_URL: env.TEST_DATABASE_URL,
      SMTP_URL: "smtp://127.0.0.1:9",
      AUTH_SECRET: env.TEST_AUTH_SECRET,
    },
    stdio: "ignore",
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await fetch(`${directUrl}/api/health`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the direct server did not start");
});

after(() => {
  direct?.kill("SIGTERM");
});

test("reached directly, the socket address counts and any X-Forwarded-For is ignored", async () => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 21; attempt++) {
    const response = await fetch(`${directUrl}/api/auth/verify/resend`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: directUrl, "x-forwarded-for": randomAddress() },
      body: JSON.stringify({ email: randomEmail("direct") }),
    });
    statuses.push(response.status);
  }
  assert.deepEqual(statuses, [...Array(20).fill(202), 429]);
});
