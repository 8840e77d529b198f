// Whether an address has an account cannot be told from answers or timing (ASVS V6.3.8).
import assert from "node:assert/strict";
import { test } from "node:test";
import { Client } from "../helpers/http";
import { randomEmail, signupBody, signUpVerified } from "../helpers/users";

async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await request();
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

test("login: an unknown address and a wrong password get the same answer in about the same time", async () => {
  // Without the dummy hash an unknown address would answer ~25x faster (no argon2 at all); the band
  // is wide so that machine noise never fails it, and narrow enough to catch that.
  const { email } = await signUpVerified();
  const known: number[] = [];
  const unknown: number[] = [];
  for (let round = 0; round < 4; round++) {
    const wrong = await timed(() => new Client().post("/api/auth/login", { email, password: `wrong password ${round}` }));
    const nobody = await timed(() => new Client().post("/api/auth/login", { email: randomEmail("nobody"), password: `wrong password ${round}` }));
    assert.equal(wrong.status, 401);
    assert.equal(nobody.status, 401);
    assert.equal(wrong.body, nobody.body);
    known.push(wrong.ms);
    unknown.push(nobody.ms);
  }
  const ratio = median(unknown) / median(known);
  assert.ok(ratio > 0.5 && ratio < 2, `unknown/known median time ratio ${ratio.toFixed(2)}`);
});

test("sign-up, resend and forgot-password answer an existing address exactly as a new one", async () => {
  const { email } = await signUpVerified();
  for (const [path, body] of [
    ["/api/auth/signup", (address: string) => signupBody(address)],
    ["/api/auth/verify/resend", (address: string) => ({ email: address })],
    ["/api/auth/password/forgot", (address: string) => ({ email: address })],
  ] as const) {
    const existing = await timed(() => new Client().post(path, body(email)));
    const fresh = await timed(() => new Client().post(path, body(randomEmail("fresh"))));
    assert.equal(existing.status, fresh.status, path);
    assert.equal(existing.body, fresh.body, path);
  }
});
