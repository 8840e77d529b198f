// Whether an address has an account cannot be told from answers or timing (ASVS V6.3.8).
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { mailsTo, waitForMail } from "../helpers/mail";
import { randomIdentity, signInWithProvider } from "../helpers/oauth";
import { randomEmail, signUp, signupBody, signUpVerified } from "../helpers/users";

after(closeTestDb);

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
  // Two accounts, four wrong passwords each: the fifth would earn a wait (lib/auth/lockout-policy.ts).
  const accounts = [(await signUpVerified()).email, (await signUpVerified()).email];
  const known: number[] = [];
  const unknown: number[] = [];
  // Eight paired rounds, the order flipped each round, so a drift of the machine's speed (four rounds
  // in one order once read 0.49 on a loaded two-core machine) falls on both sides alike.
  for (let round = 0; round < 8; round++) {
    const email = accounts[Math.floor(round / 4)];
    const askWrong = () => timed(() => new Client().post("/api/auth/login", { email, password: `wrong password ${round}` }));
    const askNobody = () => timed(() => new Client().post("/api/auth/login", { email: randomEmail("nobody"), password: `wrong password ${round}` }));
    let wrong: Awaited<ReturnType<typeof timed>>;
    let nobody: Awaited<ReturnType<typeof timed>>;
    if (round % 2 === 0) {
      wrong = await askWrong();
      nobody = await askNobody();
    } else {
      nobody = await askNobody();
      wrong = await askWrong();
    }
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

// A pending social sign-up, for asking it to mail a code to some address.
async function pendingSignup(): Promise<Client> {
  const client = new Client();
  assert.equal(client.location(await signInWithProvider(client, "naver", randomIdentity("naver"))), `${client.base}/onboarding`);
  return client;
}

async function forgetMailAllowance(...addresses: string[]): Promise<void> {
  // As if the mails of the set-up were sent over an hour ago.
  await testDb().query(`DELETE FROM "RateLimitBucket" WHERE key = ANY($1)`, [addresses.map((address) => `mail:${address}`)]);
}

// Found by an outside attack run: resends spent the address's mail allowance only when an unverified
// account was there to mail, so a code request afterwards hit 429 sooner for such addresses.
test("the per-address mail allowance counts the same for an unverified account, a verified one and an unknown address", async () => {
  const unverified = await signUp(new Client());
  const { email: verified } = await signUpVerified();
  const unknown = randomEmail("nobody");
  await forgetMailAllowance(unverified, verified, unknown);
  for (const address of [unverified, verified, unknown]) {
    for (let round = 0; round < 3; round++) assert.equal((await new Client().post("/api/auth/verify/resend", { email: address })).status, 202, address);
    const codes: number[] = [];
    const onboarding = await pendingSignup();
    for (let round = 0; round < 4; round++) codes.push((await onboarding.post("/api/auth/onboarding/email", { email: address })).status);
    assert.deepEqual(codes, [202, 202, 202, 429], address);
  }
});

// Reset mails were outside the allowance, so rotating endpoints sent one inbox 24 mails an hour.
test("one inbox gets at most six unsolicited mails an hour, however the endpoints and client addresses rotate", async () => {
  const { email: victim } = await signUpVerified();
  await forgetMailAllowance(victim);
  const before = (await mailsTo(victim)).length;
  const statuses: number[] = [];
  const onboarding = await pendingSignup();
  for (let round = 0; round < 3; round++) {
    statuses.push((await new Client().post("/api/auth/signup", signupBody(victim))).status);
    statuses.push((await new Client().post("/api/auth/password/forgot", { email: victim })).status);
    statuses.push((await new Client().post("/api/auth/verify/resend", { email: victim })).status);
    statuses.push((await onboarding.post("/api/auth/onboarding/email", { email: victim })).status);
  }
  assert.ok(statuses.includes(429), statuses.join(","));
  // Six requests spent the allowance; the resends among them mail nothing to a verified address, and
  // a reset asked for while the one before is still being sent is that same mail.
  await waitForMail(victim, before + 4);
  // Mail leaves after the answers: give stragglers time to arrive before counting.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const received = (await mailsTo(victim)).length - before;
  assert.ok(received <= 6, `${received} mails`);
});
