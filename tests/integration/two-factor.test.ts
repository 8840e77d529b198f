import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { timeStep, totpCode } from "@/lib/auth/totp";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { errorCode, makeClientStale, proveAgain } from "../helpers/step-up";
import { forgeToken, validClaims } from "../helpers/tokens";
import { logIn, PASSWORD, requestReset, signedInUser } from "../helpers/users";

after(closeTestDb);

type Json = Record<string, unknown>;
async function json<T = Json>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

// Turns 2FA on for a signed-in user through the API, as the settings page does.
async function enable(client: Client): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await json<{ secret: string; uri: string; qrSvg: string }>(await client.post("/api/auth/2fa/totp/setup"));
  assert.match(setup.uri, /^otpauth:\/\/totp\/TropiCal%3A.+\?secret=[A-Z2-7]+&issuer=TropiCal/);
  assert.match(setup.qrSvg, /^<svg/);
  const enabled = await client.post("/api/auth/2fa/totp/enable", { code: totpCode(setup.secret, timeStep()) });
  assert.equal(enabled.status, 200);
  const { recoveryCodes } = await json<{ recoveryCodes: string[] }>(enabled);
  return { secret: setup.secret, recoveryCodes };
}

// A code for the next time step: a step already used for this account is refused by design.
const nextCode = (secret: string) => totpCode(secret, timeStep() + 1);

describe("TOTP two-step verification", () => {
  test("enabling needs a valid code; ten recovery codes are shown once and kept only as hashes; the secret is stored encrypted", async () => {
    const { client, email } = await signedInUser();
    const setup = await json<{ secret: string }>(await client.post("/api/auth/2fa/totp/setup"));
    assert.equal((await client.post("/api/auth/2fa/totp/enable", { code: "000000" })).status, 400);
    const enabled = await client.post("/api/auth/2fa/totp/enable", { code: totpCode(setup.secret, timeStep()) });
    const { recoveryCodes } = await json<{ recoveryCodes: string[] }>(enabled);
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    const { rows } = await testDb().query(`SELECT "totpSecret" FROM "User" WHERE email = $1`, [email]);
    assert.ok(rows[0].totpSecret && !rows[0].totpSecret.includes(setup.secret), "the seed is not stored in the clear");
    const codes = await testDb().query(`SELECT "codeHash" FROM "RecoveryCode" rc JOIN "User" u ON u.id = rc."userId" WHERE u.email = $1`, [email]);
    assert.equal(codes.rows.length, 10);
    for (const code of recoveryCodes) assert.ok(!codes.rows.some((row) => row.codeHash.includes(code.replaceAll("-", ""))));
    assert.deepEqual(await json(await client.request("/api/auth/2fa")), { totpEnabled: true, recoveryCodesLeft: 10 });
  });

  test("with 2FA on, the password yields no session until the second step, which takes a code once", async () => {
    const { client, email } = await signedInUser();
    const { secret } = await enable(client);
    const device = new Client();
    const first = await device.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { mfaRequired: true, method: "totp" });
    assert.ok(!device.cookies.has("ACCESS_TOKEN") && !device.cookies.has("REFRESH_TOKEN"));
    assert.equal(device.cookies.get("MFA_TOKEN")?.attributes.get("path"), "/api/auth/2fa");
    assert.equal((await device.request("/api/todos")).status, 401);

    assert.equal((await device.post("/api/auth/2fa/verify", { code: "123456" })).status, 400);
    const code = nextCode(secret);
    const second = await device.post("/api/auth/2fa/verify", { code });
    assert.equal(second.status, 200);
    assert.ok(device.cookies.has("ACCESS_TOKEN"));
    assert.ok(!device.cookies.has("MFA_TOKEN"), "the pending token is cleared");
    assert.equal((await device.request("/api/todos")).status, 200);

    // The same code cannot open a second sign-in.
    const replay = new Client();
    await replay.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal((await replay.post("/api/auth/2fa/verify", { code })).status, 400);
  });

  test("a password sign-in to another account on the same device drops the first one's pending second step", async () => {
    const { client, email } = await signedInUser();
    await enable(client);
    const other = await signedInUser();
    const device = new Client();
    await device.post("/api/auth/login", { email, password: PASSWORD });
    assert.ok(device.cookies.has("MFA_TOKEN"));
    // The other account does not know this device: its sign-in takes the code mailed to it.
    assert.equal((await logIn(device, other.email)).status, 200);
    assert.ok(device.cookies.has("ACCESS_TOKEN"));
    assert.ok(!device.cookies.has("MFA_TOKEN"), "the half-finished sign-in is not left behind");
  });

  test("a recovery code works once", async () => {
    const { client, email } = await signedInUser();
    const { recoveryCodes } = await enable(client);
    const [code = ""] = recoveryCodes;
    const device = new Client();
    await device.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal((await device.post("/api/auth/2fa/verify", { recoveryCode: code.toLowerCase() })).status, 200);
    const again = new Client();
    await again.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal((await again.post("/api/auth/2fa/verify", { recoveryCode: code })).status, 400);
    assert.deepEqual(await json(await device.request("/api/auth/2fa")), { totpEnabled: true, recoveryCodesLeft: 9 });
  });

  test("the second step allows five guesses per pending sign-in", async () => {
    const { client, email } = await signedInUser();
    await enable(client);
    const device = new Client();
    await device.post("/api/auth/login", { email, password: PASSWORD });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await device.post("/api/auth/2fa/verify", { code: "000000" })).status);
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 429]);
  });

  test("signing in again does not buy more guesses: 15 per account, then even the right code waits", async () => {
    const { client, email } = await signedInUser();
    const { secret } = await enable(client);
    const statuses: number[] = [];
    for (let signIn = 0; signIn < 3; signIn++) {
      const device = new Client();
      assert.equal((await device.post("/api/auth/login", { email, password: PASSWORD })).status, 200);
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await device.post("/api/auth/2fa/verify", { code: "000000" })).status);
    }
    assert.deepEqual(statuses, Array(15).fill(400));
    const device = new Client();
    await device.post("/api/auth/login", { email, password: PASSWORD });
    const refused = await device.post("/api/auth/2fa/verify", { code: nextCode(secret) });
    assert.equal(refused.status, 429);
    assert.equal(device.cookies.get("ACCESS_TOKEN"), undefined);
  });

  test("the pending token is accepted by the second step alone, and nothing else is accepted there", async () => {
    const { client, email } = await signedInUser();
    const { secret } = await enable(client);
    const device = new Client();
    await device.post("/api/auth/login", { email, password: PASSWORD });
    const mfa = device.cookies.get("MFA_TOKEN")?.value ?? "";
    const misuse = new Client();
    misuse.setCookie("ACCESS_TOKEN", mfa);
    assert.equal((await misuse.request("/api/auth/me")).status, 401, "not as an access token");
    misuse.setCookie("REFRESH_TOKEN", mfa, "/api/auth");
    assert.equal((await misuse.post("/api/auth/token/refresh")).status, 401, "not as a refresh token");
    const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
    for (const token of [access, await forgeToken(validClaims({ tokenType: "MFA" }), { secret: "not the key, but long enough for HS256!" })]) {
      const forged = new Client();
      forged.setCookie("MFA_TOKEN", token, "/api/auth/2fa");
      assert.equal((await forged.post("/api/auth/2fa/verify", { code: nextCode(secret) })).status, 401);
    }
  });

  test("turning 2FA off or renewing codes needs a recent proof: the password and, with 2FA on, a code", async () => {
    const { client } = await signedInUser();
    const { secret, recoveryCodes } = await enable(client);
    await makeClientStale(client);
    for (const path of ["/api/auth/2fa/recovery-codes", "/api/auth/2fa/totp/disable"]) {
      const refused = await client.post(path);
      assert.equal(refused.status, 403, path);
      assert.equal(await errorCode(refused), "REAUTHENTICATION_REQUIRED");
    }
    // The password alone is not the strongest proof of an account with a second factor.
    const passwordOnly = await proveAgain(client);
    assert.equal(passwordOnly.status, 400);
    assert.ok(((await passwordOnly.json()) as { error: { fields: Record<string, string> } }).error.fields.code);
    assert.equal((await proveAgain(client, { password: "not the password", code: nextCode(secret) })).status, 400);
    assert.equal((await proveAgain(client, { password: PASSWORD, code: nextCode(secret) })).status, 200);
    const renewed = await json<{ recoveryCodes: string[] }>(await client.post("/api/auth/2fa/recovery-codes"));
    assert.equal(renewed.recoveryCodes.length, 10);
    assert.ok(!renewed.recoveryCodes.some((code) => recoveryCodes.includes(code)));
    assert.equal((await client.post("/api/auth/2fa/totp/disable")).status, 200);
    assert.deepEqual(await json(await client.request("/api/auth/2fa")), { totpEnabled: false, recoveryCodesLeft: 0 });
  });

  test("a stolen session cannot guess the password through step-up: 15 tries, then even the right one waits", async () => {
    const { client } = await signedInUser();
    const { secret } = await enable(client);
    await makeClientStale(client);
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < 15; attempt++) statuses.add((await proveAgain(client, { password: `guess ${attempt}`, code: "000000" })).status);
    assert.deepEqual([...statuses], [400]);
    assert.equal((await proveAgain(client, { password: PASSWORD, code: nextCode(secret) })).status, 429);
    assert.equal((await client.post("/api/auth/2fa/totp/disable")).status, 403);
    assert.deepEqual(await json(await client.request("/api/auth/2fa")), { totpEnabled: true, recoveryCodesLeft: 10 });
  });
});

describe("a pending second step", () => {
  // Found by an outside attack run: the MFA token, once issued, outlived the password it followed.
  test("started before a password reset is refused after it, even with the right code", async () => {
    const { client, email } = await signedInUser();
    const { secret } = await enable(client);
    const thief = new Client();
    assert.deepEqual(await json(await thief.post("/api/auth/login", { email, password: PASSWORD })), { mfaRequired: true, method: "totp" });
    const token = await requestReset(email);
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: "a brand new passphrase 2027" })).status, 200);
    const refused = await thief.post("/api/auth/2fa/verify", { code: nextCode(secret) });
    assert.equal(refused.status, 401);
    assert.ok(!thief.cookies.has("ACCESS_TOKEN"));
  });
});

describe("devices you can trust", () => {
  test("'trust this device' at the second step skips the code on that device for 30 days, and only there", async () => {
    const { client, email } = await signedInUser();
    const { secret } = await enable(client);
    const laptop = new Client();
    assert.deepEqual(await json(await laptop.post("/api/auth/login", { email, password: PASSWORD })), { mfaRequired: true, method: "totp" });
    assert.equal((await laptop.post("/api/auth/2fa/verify", { code: nextCode(secret), trustDevice: true })).status, 200);
    const { devices } = await json<{ devices: { id: string; current: boolean; trustedUntil: string | null }[] }>(await laptop.request("/api/auth/devices"));
    const here = devices.find((device) => device.current);
    assert.ok(here?.trustedUntil);
    const days = (new Date(here.trustedUntil).getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, `${days} days`);

    const again = await laptop.post("/api/auth/login", { email, password: PASSWORD });
    assert.ok("user" in (await json(again)), "the trusted device signs in with the password");
    // That is not the account's strongest proof: changes still ask for the code.
    assert.equal((await laptop.post("/api/auth/2fa/totp/disable")).status, 403);
    assert.deepEqual(await json(await new Client().post("/api/auth/login", { email, password: PASSWORD })), { mfaRequired: true, method: "totp" }, "any other device still asks");

    // Forgotten in settings (from any signed-in device): the code is asked there again.
    assert.equal((await client.request(`/api/auth/devices/${here.id}`, { method: "DELETE" })).status, 204);
    assert.deepEqual(await json(await laptop.post("/api/auth/login", { email, password: PASSWORD })), { mfaRequired: true, method: "totp" });
  });

  test("a password reset withdraws every device's trust", async () => {
    const { client, email } = await signedInUser();
    const { secret } = await enable(client);
    const laptop = new Client();
    await laptop.post("/api/auth/login", { email, password: PASSWORD });
    assert.equal((await laptop.post("/api/auth/2fa/verify", { code: nextCode(secret), trustDevice: true })).status, 200);
    const token = await requestReset(email);
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: "a brand new passphrase 2027" })).status, 200);
    assert.deepEqual(await json(await laptop.post("/api/auth/login", { email, password: "a brand new passphrase 2027" })), { mfaRequired: true, method: "totp" });
  });
});
