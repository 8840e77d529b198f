import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { mailsTo, secureAccountLink, waitForMail, waitForSubject } from "../helpers/mail";
import { errorCode, makeClientStale, proveAgain } from "../helpers/step-up";
import { logIn, PASSWORD, randomEmail, requestReset, signedInUser, signupBody, signUpVerified } from "../helpers/users";

after(closeTestDb);

const NEW_PASSWORD = "a brand new passphrase 2027";

describe("forgot and reset password", () => {
  test("answers the same for known and unknown addresses; mails only the account's owner", async () => {
    const { email } = await signUpVerified();
    const unknown = randomEmail("nobody");
    const known = await new Client().post("/api/auth/password/forgot", { email });
    const stranger = await new Client().post("/api/auth/password/forgot", { email: unknown });
    assert.equal(known.status, 202);
    assert.equal(stranger.status, 202);
    assert.deepEqual(await known.json(), await stranger.json());
    await waitForMail(email, 2);
    assert.deepEqual(await mailsTo(unknown), []);
  });

  test("three reset requests per address in ten minutes, known or not and from any client; the fourth is 429", async () => {
    const { email } = await signUpVerified();
    for (const address of [randomEmail("nobody"), email]) {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let attempt = 0; attempt < 4; attempt++) {
        last = await new Client().post("/api/auth/password/forgot", { email: address });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [202, 202, 202, 429], address);
      assert.ok(Number(last?.headers.get("retry-after")) > 0, "Retry-After");
    }
  });

  test("a reset sets the new password, ends every session, and the link works once", async () => {
    const { client, email } = await signedInUser();
    const token = await requestReset(email);
    const reset = await new Client().post("/api/auth/password/reset", { token, password: NEW_PASSWORD });
    assert.equal(reset.status, 200);
    assert.equal((await client.post("/api/auth/token/refresh")).status, 401, "the old session is over");
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 401);
    assert.equal((await new Client().post("/api/auth/login", { email, password: NEW_PASSWORD })).status, 200);
    const again = await new Client().post("/api/auth/password/reset", { token, password: "yet another passphrase 2028" });
    assert.equal(again.status, 400);
    assert.ok(((await again.json()) as { error: { fields: Record<string, string> } }).error.fields.token);
  });

  test("a link issued before the last password change no longer works", async () => {
    const { email } = await signUpVerified();
    const older = await requestReset(email);
    const newer = await requestReset(email);
    assert.equal((await new Client().post("/api/auth/password/reset", { token: newer, password: NEW_PASSWORD })).status, 200);
    assert.equal((await new Client().post("/api/auth/password/reset", { token: older, password: "yet another passphrase 2028" })).status, 400);
  });

  test("a reset works even while sign-in is locked, and clears the lock", async () => {
    const { email } = await signUpVerified();
    for (let attempt = 0; attempt < 5; attempt++) await new Client().post("/api/auth/login", { email, password: "wrong password!!" });
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 429);
    const token = await requestReset(email);
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: NEW_PASSWORD })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email, password: NEW_PASSWORD })).status, 200);
  });

  test("weak, common and personal passwords are refused wherever a password is set", async () => {
    const { email } = await signUpVerified();
    const token = await requestReset(email);
    for (const password of ["1234567890", "password1234", "qwertyuiop", email.split("@")[0] + "12"]) {
      const response = await new Client().post("/api/auth/password/reset", { token, password });
      assert.equal(response.status, 400, password);
    }
    const signup = await new Client().post("/api/auth/signup", signupBody(randomEmail(), { password: "password1234" }));
    assert.equal(signup.status, 400);
    assert.equal(((await signup.json()) as { error: { fields: Record<string, string> } }).error.fields.password, "너무 쉽게 추측할 수 있는 비밀번호입니다. 더 길게, 흔하지 않은 단어로 만들어 주세요.");
  });

  test("forged, wrong-type and garbage tokens are refused", async () => {
    const { client } = await signedInUser();
    const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
    for (const token of [access, "garbage", "a.b.c"]) {
      assert.equal((await new Client().post("/api/auth/password/reset", { token, password: NEW_PASSWORD })).status, 400);
    }
  });
});

describe("change password and delete account", () => {
  test("changing the password needs the current one and signs out every other device", async () => {
    const { client, email } = await signedInUser();
    const phone = new Client();
    assert.equal((await phone.post("/api/auth/login", { email, password: PASSWORD })).status, 200);
    const wrong = await client.post("/api/auth/password/change", { currentPassword: "not it at all", newPassword: NEW_PASSWORD });
    assert.equal(wrong.status, 400);
    assert.ok(((await wrong.json()) as { error: { fields: Record<string, string> } }).error.fields.currentPassword);
    assert.equal((await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status, 200);
    assert.equal((await client.post("/api/auth/token/refresh")).status, 200, "this device stays signed in");
    assert.equal((await phone.post("/api/auth/token/refresh")).status, 401, "the other device is signed out");
  });

  test("deleting the account needs a recent proof and removes everything the user had", async () => {
    const { client, email } = await signedInUser();
    await client.post("/api/todos", { title: "to be deleted" });
    await client.post("/api/events", { title: "gone", startsAt: "2027-01-01T00:00:00Z", endsAt: "2027-01-01T01:00:00Z" });
    await makeClientStale(client);
    const stale = await client.request("/api/auth/account", { method: "DELETE" });
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), "REAUTHENTICATION_REQUIRED");
    assert.equal((await proveAgain(client, { password: "not it at all" })).status, 400);
    assert.equal((await proveAgain(client)).status, 200);
    const deleted = await client.request("/api/auth/account", { method: "DELETE" });
    assert.equal(deleted.status, 204);
    assert.ok(deleted.headers.getSetCookie().some((cookie) => cookie.startsWith("ACCESS_TOKEN=;")));
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM "User" WHERE email = $1`, [email]);
    assert.equal(rows[0].n, 0);
    const orphans = await testDb().query(`SELECT (SELECT count(*) FROM "Todo" t LEFT JOIN "User" u ON u.id = t."userId" WHERE u.id IS NULL)::int AS n`);
    assert.equal(orphans.rows[0].n, 0);
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 401);
  });

  test("a stolen session cannot guess the password through 'change password' or step-up: 15 tries in all", async () => {
    const { client, email } = await signedInUser();
    // A new password refused as weak spends no attempt: it tells nothing of the current one.
    for (const weak of ["password123", email, "qwertyuiop"]) {
      const refused = await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: weak });
      assert.equal(refused.status, 400);
      assert.ok(((await refused.json()) as { error: { fields: Record<string, string> } }).error.fields.newPassword, weak);
    }
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < 8; attempt++) {
      statuses.add((await client.post("/api/auth/password/change", { currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD })).status);
    }
    for (let attempt = 0; attempt < 7; attempt++) statuses.add((await proveAgain(client, { password: `guess ${attempt}` })).status);
    assert.deepEqual([...statuses], [400]);
    const change = await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(change.status, 429);
    assert.ok(Number(change.headers.get("retry-after")) > 0, "Retry-After");
    assert.equal((await proveAgain(client)).status, 429);
    // Nothing changed: the password is the old one, the account is there.
    assert.equal((await new Client().post("/api/auth/login", { email, password: PASSWORD })).status, 200);
  });

  test("changing the password from a session without a recent proof is refused until it proves itself", async () => {
    const { client } = await signedInUser();
    await makeClientStale(client);
    const stale = await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), "REAUTHENTICATION_REQUIRED");
    assert.equal((await proveAgain(client)).status, 200);
    assert.equal((await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status, 200);
  });
});

describe("'this wasn't me'", () => {
  test("the link in the mail about an unrecognised device signs out every device and leads to a new password", async () => {
    const { client, email } = await signedInUser();
    const intruder = new Client();
    const login = await logIn(intruder, email, PASSWORD, { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" } });
    assert.equal(login.status, 200);
    const link = secureAccountLink(await waitForSubject(email, /Your sign-in code/));
    // Opening the link (as a mail scanner would) ends nothing; its page's button does.
    assert.equal((await new Client().request(new URL(link).pathname + new URL(link).search, { method: "HEAD" })).status, 200);
    assert.equal((await intruder.request("/api/auth/me")).status, 200, "a HEAD of the link signed nobody out");
    const secured = await new Client().followMailedLink(link, "/api/auth/secure-account");
    assert.equal(secured.status, 303);
    const target = new URL(secured.headers.get("location") ?? "", client.base);
    assert.equal(target.pathname, "/reset-password");
    for (const device of [client, intruder]) assert.equal((await device.post("/api/auth/token/refresh")).status, 401);
    const token = target.searchParams.get("token") ?? "";
    assert.equal((await new Client().post("/api/auth/password/reset", { token, password: NEW_PASSWORD })).status, 200);
  });
});
