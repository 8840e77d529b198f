// Step-up: a stolen session (cookies only, no recent proof) cannot add a way in or change how the
// account signs in; the owner proves it is them with the account's strongest factor.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { timeStep, totpCode } from "@/lib/auth/totp";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { secureAccountLink, waitForSubject } from "../helpers/mail";
import { decideAtProvider, randomIdentity, signInWithProvider, startAtProvider } from "../helpers/oauth";
import { signedInAdmin } from "../helpers/admin";
import { addPasskey, SoftPasskey, signInWithPasskey } from "../helpers/passkey";
import { errorCode, makeClientStale, proveAgain } from "../helpers/step-up";
import { logIn, PASSWORD, signedInUser } from "../helpers/users";

after(closeTestDb);

const CONSENTS = { terms: true, privacy: true, marketing: false };

async function expectStepUp(response: Response, what: string): Promise<void> {
  assert.equal(response.status, 403, what);
  assert.equal(await errorCode(response), "REAUTHENTICATION_REQUIRED", what);
}

async function socialUser(provider: "google" | "kakao" = "google"): Promise<{ client: Client; identity: ReturnType<typeof randomIdentity> }> {
  const client = new Client();
  const identity = randomIdentity(provider);
  await signInWithProvider(client, provider, identity);
  assert.equal((await client.post("/api/auth/onboarding", { nickname: "Social", consents: CONSENTS })).status, 200);
  return { client, identity };
}

describe("a stolen session cannot change how the account signs in (step-up)", () => {
  test("with only the victim's cookies: no passkey, no provider, no second factor, no new password, no deletion", async () => {
    const { client } = await signedInUser();
    const { passkey } = await addPasskey(client);
    await makeClientStale(client);
    const thief = client.stolen();
    await expectStepUp(await thief.post("/api/auth/passkeys/register/options"), "passkey options");
    await expectStepUp(await thief.post("/api/auth/passkeys", { response: new SoftPasskey(thief.base).register({ challenge: "AAAA" }) }), "passkey registration");
    await expectStepUp(await thief.request(`/api/auth/passkeys/${passkey.credentialId}`, { method: "DELETE" }), "passkey removal");
    await expectStepUp(await thief.post("/api/auth/2fa/totp/setup"), "TOTP setup");
    await expectStepUp(await thief.post("/api/auth/2fa/totp/enable", { code: "123456" }), "TOTP enable");
    await expectStepUp(await thief.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: "a thief's new passphrase 99" }), "password change");
    await expectStepUp(await thief.request("/api/auth/account", { method: "DELETE" }), "account deletion");
    await expectStepUp(await thief.request("/api/auth/providers/google", { method: "DELETE" }), "provider unlink");
    const csrf = (await (await thief.request("/api/auth/oauth/csrf")).json()) as { csrfToken: string };
    await expectStepUp(await thief.post("/api/auth/oauth/link/google", { csrfToken: csrf.csrfToken }), "provider link");
    // Reading stays open: the session is not ended, only held back from changes.
    assert.equal((await thief.request("/api/auth/passkeys")).status, 200);
  });

  test("a proof lasts ten minutes; then the same session is asked again", async () => {
    const { client } = await signedInUser();
    const status = (await (await client.request("/api/auth/reauth")).json()) as {
      freshUntil: string | null;
      password: boolean;
      totp: boolean;
      passkey: boolean;
      providers: string[];
      company: boolean;
    };
    assert.ok(status.freshUntil, "a password sign-in starts the session fresh");
    const left = new Date(status.freshUntil).getTime() - Date.now();
    assert.ok(left > 9 * 60_000 && left <= 10 * 60_000, `${left} ms`);
    assert.deepEqual({ ...status, freshUntil: null }, { freshUntil: null, password: true, totp: false, passkey: false, providers: [], company: false });
    assert.equal((await client.post("/api/auth/2fa/totp/setup")).status, 200);
    await makeClientStale(client);
    assert.equal(((await (await client.request("/api/auth/reauth")).json()) as { freshUntil: string | null }).freshUntil, null);
    await expectStepUp(await client.post("/api/auth/2fa/totp/setup"), "after ten minutes");
    assert.equal((await proveAgain(client)).status, 200);
    assert.equal((await client.post("/api/auth/2fa/totp/setup")).status, 200);
  });

  test("a passkey proves it is the owner; a passkey of another account does not", async () => {
    const { client } = await signedInUser();
    const { passkey } = await addPasskey(client);
    const other = await signedInUser();
    const { passkey: foreign } = await addPasskey(other.client);
    await makeClientStale(client);
    const options = (await (await client.post("/api/auth/reauth/passkey/options")).json()) as { challenge: string; allowCredentials: { id: string }[] };
    assert.deepEqual(
      options.allowCredentials.map((entry) => entry.id),
      [passkey.credentialId],
      "only the user's own passkeys are offered",
    );
    assert.equal((await client.post("/api/auth/reauth/passkey", { response: foreign.assert(options) })).status, 401);
    const again = (await (await client.post("/api/auth/reauth/passkey/options")).json()) as { challenge: string };
    assert.equal((await client.post("/api/auth/reauth/passkey", { response: passkey.assert(again) })).status, 200);
    assert.equal((await addPasskey(client)).response.status, 201);
  });

  test("a sign-in with the strongest factor starts fresh; a provider standing in for a password does not", async () => {
    const { client } = await signedInUser();
    const { passkey } = await addPasskey(client);
    const viaPasskey = new Client();
    assert.equal((await signInWithPasskey(viaPasskey, passkey)).status, 200);
    assert.equal((await viaPasskey.post("/api/auth/2fa/totp/setup")).status, 200, "a passkey counts as both factors");
    const identity = randomIdentity("google");
    await signInWithProvider(client, "google", identity, {}, "link");
    const viaGoogle = new Client();
    assert.equal(viaGoogle.location(await signInWithProvider(viaGoogle, "google", identity)), `${viaGoogle.base}/dashboard`);
    await expectStepUp(await viaGoogle.post("/api/auth/2fa/totp/setup"), "Google for an account with a password");
    // The password account cannot prove itself through the provider either.
    const csrf = (await (await viaGoogle.request("/api/auth/oauth/csrf")).json()) as { csrfToken: string };
    assert.equal((await viaGoogle.post("/api/auth/oauth/reauth/google", { csrfToken: csrf.csrfToken })).status, 409);
    assert.equal((await proveAgain(viaGoogle, { password: PASSWORD })).status, 200);
    assert.equal((await viaGoogle.post("/api/auth/2fa/totp/setup")).status, 200);
  });

  test("an account without a password proves itself with a round trip to its own provider, not another identity", async () => {
    const { client, identity } = await socialUser("google");
    await makeClientStale(client);
    await expectStepUp(await client.post("/api/auth/passkeys/register/options"), "before the round trip");
    const status = (await (await client.request("/api/auth/reauth")).json()) as { password: boolean; providers: string[] };
    assert.deepEqual([status.password, status.providers], [false, ["google"]]);
    // Someone else's Google account proves nothing.
    const wrong = await decideAtProvider(await startAtProvider(client, "google", {}, "reauth"), randomIdentity("google"));
    assert.equal(client.location(await client.request(`${wrong.pathname}${wrong.search}`)), `${client.base}/dashboard/settings?oauth_error=reauth-mismatch&provider=google`);
    await expectStepUp(await client.post("/api/auth/passkeys/register/options"), "after a mismatched round trip");
    const right = await decideAtProvider(await startAtProvider(client, "google", {}, "reauth"), identity);
    assert.equal(client.location(await client.request(`${right.pathname}${right.search}`)), `${client.base}/dashboard/settings?reauth=done`);
    assert.equal((await addPasskey(client)).response.status, 201);
  });

  // The passkey is an administrator's required second factor: the password alone proves one factor.
  test("an administrator whose second factor is a passkey proves itself with the passkey, never the password alone", async () => {
    const { client, email, passkey } = await signedInAdmin();
    const other = await signedInUser();
    const act = (admin: Client) => admin.post("/api/admin/users/revoke-sessions", { email: other.email, reason: "step-up check" });
    await makeClientStale(client);
    const status = (await (await client.request("/api/auth/reauth")).json()) as { password: boolean; passkey: boolean };
    assert.deepEqual({ password: status.password, passkey: status.passkey }, { password: false, passkey: true });
    assert.equal((await proveAgain(client)).status, 409);
    await expectStepUp(await act(client), "after a refused password proof");
    const viaPassword = new Client();
    assert.equal((await logIn(viaPassword, email)).status, 200);
    await expectStepUp(await act(viaPassword), "a password sign-in");
    const options = (await (await client.post("/api/auth/reauth/passkey/options")).json()) as { challenge: string };
    assert.equal((await client.post("/api/auth/reauth/passkey", { response: passkey.assert(options) })).status, 200);
    assert.equal((await act(client)).status, 200);
  });

  test("with two-step verification on, the proof needs a code as well as the password", async () => {
    const { client } = await signedInUser();
    const setup = (await (await client.post("/api/auth/2fa/totp/setup")).json()) as { secret: string };
    assert.equal((await client.post("/api/auth/2fa/totp/enable", { code: totpCode(setup.secret, timeStep()) })).status, 200);
    await makeClientStale(client);
    assert.equal((await proveAgain(client)).status, 400);
    assert.equal((await proveAgain(client, { password: PASSWORD, code: totpCode(setup.secret, timeStep() + 1) })).status, 200);
    assert.equal((await addPasskey(client)).response.status, 201);
  });
});

describe("after a break-in, the reset removes the ways in a thief added", () => {
  test("'this wasn't me' leads to a reset that lists what was added in the last 30 days and removes what the owner ticks", async () => {
    const { client, email } = await signedInUser();
    // An old passkey of the owner's, from before the window.
    const { passkey: own } = await addPasskey(client);
    await testDb().query(`UPDATE "Passkey" SET "createdAt" = now() - interval '40 days' WHERE id = $1`, [own.credentialId]);
    // The thief had the cookies while the session was fresh: a passkey and a Google account of theirs.
    const thief = client.stolen();
    const { passkey: theirs } = await addPasskey(thief);
    const google = randomIdentity("google");
    await signInWithProvider(thief, "google", google, {}, "link");

    const notice = await waitForSubject(email, /A social account was connected/);
    const secured = await new Client().followMailedLink(secureAccountLink(notice), "/api/auth/secure-account");
    const token = new URL(secured.headers.get("location") ?? "", client.base).searchParams.get("token") ?? "";
    const review = await new Client().post("/api/auth/password/reset/review", { token });
    assert.equal(review.status, 200);
    const { recentFactors } = (await review.json()) as { recentFactors: { id: string; kind: string }[] };
    assert.deepEqual(recentFactors.map((factor) => factor.id).sort(), [`passkey:${theirs.credentialId}`, "provider:google"].sort());
    // An id outside the list (the owner's old passkey) is not removed, even if asked for.
    const remove = [...recentFactors.map((factor) => factor.id), `passkey:${own.credentialId}`];
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: "the owner's new passphrase 77", removeFactors: remove })).status, 200);

    assert.equal((await signInWithPasskey(new Client(), theirs)).status, 401, "the thief's passkey is gone");
    const viaGoogle = new Client();
    assert.equal(viaGoogle.location(await signInWithProvider(viaGoogle, "google", google)), `${viaGoogle.base}/onboarding`, "the thief's Google no longer signs in to the account");
    assert.equal((await signInWithPasskey(new Client(), own)).status, 200, "the owner's old passkey stays");
  });
});
