import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { timeStep, totpCode } from "@/lib/auth/totp";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { mailsTo, waitForSubject } from "../helpers/mail";
import { randomIdentity, signInWithProvider, type TestIdentity } from "../helpers/oauth";
import { errorCode, makeClientStale } from "../helpers/step-up";
import { mailedSignInCode, PASSWORD, signedInUser } from "../helpers/users";

after(closeTestDb);

const NEW_PASSWORD = "a first passphrase for 2027";

// An account made with Google alone: no password, signed in (a fresh proof) on `client`.
async function socialUser(): Promise<{ client: Client; email: string; identity: TestIdentity }> {
  const client = new Client();
  const identity = randomIdentity("google");
  await signInWithProvider(client, "google", identity);
  assert.equal((await client.post("/api/auth/onboarding", { nickname: "Provider only", consents: { terms: true, privacy: true } })).status, 200);
  return { client, email: identity.email ?? "", identity };
}

describe("setting a first password", () => {
  test("an account that signed up with a provider sets one, can then sign in with it, and cannot set a second", async () => {
    const { client, email, identity } = await socialUser();
    const laptop = new Client();
    await signInWithProvider(laptop, "google", identity);
    assert.ok(laptop.cookies.has("REFRESH_TOKEN"));
    const weak = await client.post("/api/auth/password/set", { newPassword: "password12" });
    assert.equal(weak.status, 400);
    assert.ok(((await weak.json()) as { error: { fields: Record<string, string> } }).error.fields.newPassword, "a guessable password is refused");
    assert.equal((await new Client().post("/api/auth/login", { email, password: NEW_PASSWORD })).status, 401, "no password yet");

    assert.deepEqual(await (await client.post("/api/auth/password/set", { newPassword: NEW_PASSWORD })).json(), { set: true });
    const me = (await (await client.request("/api/auth/me")).json()) as { providers: string[] };
    assert.deepEqual(me.providers, ["password", "google"]);
    assert.equal((await laptop.post("/api/auth/token/refresh")).status, 401, "the other sessions end");
    assert.equal((await client.post("/api/auth/token/refresh")).status, 200, "this one stays");
    // On the browser it was set on, which the account knows: no mailed code (a pending sign-in from
    // the very second of a password change would be void, by design).
    assert.ok("user" in ((await (await client.post("/api/auth/login", { email, password: NEW_PASSWORD })).json()) as object), "password sign-in works");
    await waitForSubject(email, /password was changed|비밀번호가 바뀌었습니다/);

    const again = await client.post("/api/auth/password/set", { newPassword: "someone else's passphrase 99" });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), "CONFLICT_STATE");
    assert.equal((await client.post("/api/auth/login", { email, password: NEW_PASSWORD })).status, 200, "the first password stays");
  });

  test("needs a recent proof: a session signed in a while ago is refused and nothing is set", async () => {
    const { client, email } = await socialUser();
    await makeClientStale(client);
    const refused = await client.post("/api/auth/password/set", { newPassword: NEW_PASSWORD });
    assert.equal(refused.status, 403);
    assert.equal(await errorCode(refused), "REAUTHENTICATION_REQUIRED");
    const { rows } = await testDb().query(`SELECT "passwordHash" FROM "User" WHERE email = $1`, [email]);
    assert.equal(rows[0]?.passwordHash, null);
  });

  test("an account with a password keeps changing it with the current one", async () => {
    const { client } = await signedInUser();
    const refused = await client.post("/api/auth/password/set", { newPassword: NEW_PASSWORD });
    assert.equal(refused.status, 409);
    assert.equal((await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status, 200);
  });

  test("is refused across sites and when signed out", async () => {
    const { client } = await socialUser();
    assert.equal((await client.post("/api/auth/password/set", { newPassword: NEW_PASSWORD }, { headers: { origin: "https://evil.example" } })).status, 403);
    assert.equal((await new Client().post("/api/auth/password/set", { newPassword: NEW_PASSWORD })).status, 401);
  });
});

describe("cancelling the authenticator setup", () => {
  test("drops the pending secret: its codes turn nothing on, and the panel is off", async () => {
    const { client } = await signedInUser();
    const setup = (await (await client.post("/api/auth/2fa/totp/setup")).json()) as { secret: string };
    assert.deepEqual(await (await client.request("/api/auth/2fa/totp/setup", { method: "DELETE" })).json(), { cancelled: true });
    const enable = await client.post("/api/auth/2fa/totp/enable", { code: totpCode(setup.secret, timeStep()) });
    assert.equal(enable.status, 400);
    assert.ok(((await enable.json()) as { error: { fields: Record<string, string> } }).error.fields.code);
    assert.deepEqual(await (await client.request("/api/auth/2fa")).json(), { totpEnabled: false, recoveryCodesLeft: 0 });
  });

  test("leaves two-step verification that is already on as it is", async () => {
    const { client } = await signedInUser();
    const setup = (await (await client.post("/api/auth/2fa/totp/setup")).json()) as { secret: string };
    assert.equal((await client.post("/api/auth/2fa/totp/enable", { code: totpCode(setup.secret, timeStep()) })).status, 200);
    assert.equal((await client.request("/api/auth/2fa/totp/setup", { method: "DELETE" })).status, 200);
    assert.deepEqual(await (await client.request("/api/auth/2fa")).json(), { totpEnabled: true, recoveryCodesLeft: 10 });
    assert.equal((await new Client().request("/api/auth/2fa/totp/setup", { method: "DELETE" })).status, 401);
  });
});

describe("giving up a sign-in at the second step", () => {
  test("clears the pending cookie, and the code mailed for it opens nothing afterwards", async () => {
    const { email } = await signedInUser();
    const phone = new Client();
    const before = new Set((await mailsTo(email)).map((mail) => mail.id));
    assert.deepEqual(await (await phone.post("/api/auth/login", { email, password: PASSWORD })).json(), { mfaRequired: true, method: "email" });
    const pending = phone.cookies.get("MFA_TOKEN");
    assert.ok(pending);
    const code = await mailedSignInCode(email, before);

    const abandoned = await phone.request("/api/auth/2fa/pending", { method: "DELETE" });
    assert.deepEqual(await abandoned.json(), { abandoned: true });
    assert.ok(!phone.cookies.has("MFA_TOKEN"), "the cookie is cleared");
    assert.equal((await phone.post("/api/auth/2fa/verify", { emailCode: code })).status, 401);
    // Even with the old cookie put back, the mailed code is void.
    phone.cookies.set("MFA_TOKEN", pending);
    assert.equal((await phone.post("/api/auth/2fa/verify", { emailCode: code })).status, 400);
    assert.ok(!phone.cookies.has("ACCESS_TOKEN"));
  });

  test("answers the same without a pending sign-in, and refuses other sites", async () => {
    assert.equal((await new Client().request("/api/auth/2fa/pending", { method: "DELETE" })).status, 200);
    assert.equal((await new Client().request("/api/auth/2fa/pending", { method: "DELETE", headers: { origin: "https://evil.example" } })).status, 403);
  });
});
