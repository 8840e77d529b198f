// The account-takeover chain of an outside attack run, and every other way into an account nobody
// confirmed (pre-account hijacking): whoever proves the mailbox must not inherit what someone else
// set up there.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { mailsTo, waitForMail } from "../helpers/mail";
import { mailedCode, randomIdentity, signInWithProvider } from "../helpers/oauth";
import { PASSWORD, randomEmail, requestReset, resetLink, signupBody } from "../helpers/users";

after(closeTestDb);

const CONSENTS = { terms: true, privacy: true, marketing: false };
const ATTACKER_PASSWORD = "the attacker's own passphrase 42";
const VICTIM_PASSWORD = "the victim's real passphrase 2027";

// The attacker registers the victim's address first, with a password of their own, and never
// confirms it (they cannot read the victim's mail).
async function preRegister(email: string): Promise<void> {
  assert.equal((await new Client().post("/api/auth/signup", signupBody(email, { password: ATTACKER_PASSWORD, nickname: "Not you", consents: { ...CONSENTS, marketing: true } }))).status, 201);
  // Its verification mail lands in the victim's inbox, unclicked.
  await waitForMail(email);
}

async function view(client: Client): Promise<{ existingAccount: unknown; replacesUnconfirmed: boolean; emailVerified: boolean }> {
  return ((await (await client.request("/api/auth/onboarding")).json()) as { onboarding: never }).onboarding;
}

async function latestMarketing(email: string): Promise<boolean | undefined> {
  const { rows } = await testDb().query(`SELECT c.granted FROM "Consent" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1 AND c.kind = 'MARKETING' ORDER BY c."createdAt" DESC LIMIT 1`, [
    email,
  ]);
  return rows[0]?.granted;
}

describe("an account nobody confirmed is never handed over with what it holds", () => {
  test("the reported chain: Google vouches for the address; finishing onboarding replaces the unconfirmed account, and the attacker's password is dead", async () => {
    const email = randomEmail("victim");
    await preRegister(email);
    const victim = new Client();
    assert.equal(victim.location(await signInWithProvider(victim, "google", randomIdentity("google", { email }))), `${victim.base}/onboarding`);
    const seen = await view(victim);
    assert.equal(seen.existingAccount, null, "no 'link to your account' for an account nobody confirmed");
    assert.equal(seen.replacesUnconfirmed, true, "the victim is told what happens to it");
    // Linking to it is refused, with or without the attacker's password.
    assert.equal((await victim.post("/api/auth/onboarding/link", {})).status, 400);
    assert.notEqual((await victim.post("/api/auth/onboarding/link", { password: ATTACKER_PASSWORD })).status, 200);
    assert.equal((await victim.post("/api/auth/onboarding", { nickname: "Victim", consents: CONSENTS })).status, 200);

    assert.equal((await new Client().post("/api/auth/login", { email, password: ATTACKER_PASSWORD })).status, 401);
    const me = (await (await victim.request("/api/auth/me")).json()) as { providers: string[]; nickname: string };
    assert.deepEqual(me.providers, ["google"]);
    assert.equal(me.nickname, "Victim");
    assert.equal(await latestMarketing(email), false, "the attacker's opt-in went with their account");
    const { rows } = await testDb().query(`SELECT type FROM "SecurityEvent" e JOIN "User" u ON u.id = e."userId" WHERE u.email = $1`, [email]);
    assert.ok(rows.some((row) => row.type === "UNCONFIRMED_ACCOUNT_REPLACED"));
  });

  test("a mailed code proves the address (Kakao gives none): the unconfirmed account is replaced, never linked and confirmed", async () => {
    const email = randomEmail("victim");
    await preRegister(email);
    const victim = new Client();
    await signInWithProvider(victim, "kakao", randomIdentity("kakao", { email: undefined, emailVerified: false }));
    assert.equal((await victim.post("/api/auth/onboarding/email", { email })).status, 202);
    const mail = (await waitForMail(email, 2)).find((candidate) => candidate.subject.includes("인증 코드"));
    assert.ok(mail);
    assert.equal((await victim.post("/api/auth/onboarding/email/verify", { code: mailedCode(mail) })).status, 200);
    const seen = await view(victim);
    assert.deepEqual([seen.emailVerified, seen.existingAccount, seen.replacesUnconfirmed], [true, null, true]);
    // The finding: linking by code used to confirm the account and keep the attacker's password.
    assert.equal((await victim.post("/api/auth/onboarding/link", {})).status, 409);
    assert.equal((await victim.post("/api/auth/onboarding", { nickname: "Victim", consents: CONSENTS })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email, password: ATTACKER_PASSWORD })).status, 401);
  });

  test("signing up over an unconfirmed account mails a way to choose one's own password, never a link confirming the old one", async () => {
    const email = randomEmail("victim");
    await preRegister(email);
    const before = (await mailsTo(email)).length;
    assert.equal((await new Client().post("/api/auth/signup", signupBody(email, { password: VICTIM_PASSWORD }))).status, 201);
    const mails = await waitForMail(email, before + 1);
    const mail = mails.at(-1);
    assert.ok(mail);
    assert.match(mail.subject, /Finish signing up/);
    assert.ok(!/verify-email\?token=/.test(mail.text), "no verification link for a password someone else chose");
    const token = resetLink(mail);
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: VICTIM_PASSWORD })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email, password: VICTIM_PASSWORD })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email, password: ATTACKER_PASSWORD })).status, 401);
    assert.equal(await latestMarketing(email), false, "an opt-in given in the victim's name is withdrawn");
  });

  test("a reset that confirms the address drops every factor added before (second factor, passkey, provider) and ends every session", async () => {
    const email = randomEmail("victim");
    await preRegister(email);
    const { rows } = await testDb().query(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const userId = rows[0].id as string;
    // Whatever an attacker could have attached before the address was confirmed.
    await testDb().query(`UPDATE "User" SET "totpSecret" = 'x', "totpEnabledAt" = now() WHERE id = $1`, [userId]);
    await testDb().query(`INSERT INTO "Passkey" (id, "userId", "publicKey", counter, transports, name, "backedUp") VALUES ($1, $2, '\\x00', 0, '', 'attacker', false)`, [randomUUID(), userId]);
    await testDb().query(`INSERT INTO "Account" (id, "userId", provider, "providerAccountId") VALUES ($1, $2, 'GOOGLE', $3)`, [randomUUID(), userId, `attacker-${randomUUID()}`]);
    await testDb().query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [randomUUID(), userId]);

    const token = await requestReset(email);
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: VICTIM_PASSWORD })).status, 200);
    const { rows: left } = await testDb().query(
      `SELECT u."totpEnabledAt", u."emailVerifiedAt",
              (SELECT count(*)::int FROM "Passkey" WHERE "userId" = u.id) AS passkeys,
              (SELECT count(*)::int FROM "Account" WHERE "userId" = u.id) AS providers,
              (SELECT count(*)::int FROM "Session" WHERE "userId" = u.id AND "revokedAt" IS NULL) AS sessions
       FROM "User" u WHERE u.id = $1`,
      [userId],
    );
    assert.deepEqual({ ...left[0], emailVerifiedAt: left[0].emailVerifiedAt instanceof Date }, { totpEnabledAt: null, emailVerifiedAt: true, passkeys: 0, providers: 0, sessions: 0 });
    // Signs in with the password alone: the attacker's "second factor" is gone.
    const login = await new Client().post("/api/auth/login", { email, password: VICTIM_PASSWORD });
    assert.equal(login.status, 200);
    assert.ok(!("mfaRequired" in ((await login.json()) as object)));
  });

  test("a confirmed account is still linked only with proof, and keeps everything", async () => {
    const email = randomEmail("owner");
    assert.equal((await new Client().post("/api/auth/signup", signupBody(email))).status, 201);
    await testDb().query(`UPDATE "User" SET "emailVerifiedAt" = now() WHERE email = $1`, [email]);
    const client = new Client();
    await signInWithProvider(client, "google", randomIdentity("google", { email }));
    const seen = await view(client);
    assert.equal(seen.replacesUnconfirmed, false);
    assert.deepEqual(seen.existingAccount, { hasPassword: true, provenByCode: false });
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "Taken", consents: CONSENTS })).status, 409);
    assert.equal((await client.post("/api/auth/onboarding/link", { password: PASSWORD })).status, 200);
  });
});
