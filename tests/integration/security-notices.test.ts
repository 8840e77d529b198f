import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { timeStep, totpCode } from "@/lib/auth/totp";
import { grantAdmin } from "../helpers/admin";
import { closeTestDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { mailsTo, secureAccountLink, waitForSubject, type Mail } from "../helpers/mail";
import { randomIdentity, signInWithProvider } from "../helpers/oauth";
import { addPasskey } from "../helpers/passkey";
import { PASSWORD, signedInUser } from "../helpers/users";

after(closeTestDb);

const NEW_PASSWORD = "a brand new passphrase 2027";
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

// A notice says what changed in both languages, from which device, and offers "this wasn't me".
function assertNotice(mail: Mail, ko: string, en: string): void {
  assert.ok(mail.subject.includes(ko) && mail.subject.includes(en), mail.subject);
  assert.match(mail.text, /기기: Chrome · Windows/);
  assert.match(mail.text, /Device: Chrome · Windows/);
  assert.ok(secureAccountLink(mail));
}

describe("every change to how someone signs in is mailed to the account, with 'this wasn't me'", () => {
  test("password, passkey, two-step verification, recovery codes and providers each send a notice", async () => {
    const { client, email } = await signedInUser();
    const headers = { "user-agent": UA };
    assert.equal((await client.post("/api/auth/password/change", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, { headers })).status, 200);
    assertNotice(await waitForSubject(email, /Your password was changed/), "비밀번호가 바뀌었습니다", "Your password was changed");

    const { passkey } = await addPasskey(client);
    const addedMail = await waitForSubject(email, /A passkey was added/);
    assert.match(addedMail.text, /새 패스키가 추가되었습니다\. \(/);
    assert.equal((await client.request(`/api/auth/passkeys/${passkey.credentialId}`, { method: "DELETE", headers })).status, 204);
    assertNotice(await waitForSubject(email, /A passkey was removed/), "패스키가 삭제되었습니다", "A passkey was removed");

    const setup = (await (await client.post("/api/auth/2fa/totp/setup")).json()) as { secret: string };
    const enabled = await client.post("/api/auth/2fa/totp/enable", { code: totpCode(setup.secret, timeStep()) }, { headers });
    const { recoveryCodes } = (await enabled.json()) as { recoveryCodes: string[] };
    assertNotice(await waitForSubject(email, /Two-step verification was turned on/), "2단계 인증이 켜졌습니다", "Two-step verification was turned on");
    assert.equal((await client.post("/api/auth/2fa/recovery-codes", undefined, { headers })).status, 200);
    await waitForSubject(email, /New recovery codes were made/);

    const device = new Client();
    assert.equal((await device.post("/api/auth/login", { email, password: NEW_PASSWORD })).status, 200);
    const renewed = ((await (await client.post("/api/auth/2fa/recovery-codes")).json()) as { recoveryCodes: string[] }).recoveryCodes;
    assert.notDeepEqual(renewed, recoveryCodes);
    assert.equal((await device.post("/api/auth/2fa/verify", { recoveryCode: renewed[0] }, { headers })).status, 200);
    assertNotice(await waitForSubject(email, /A recovery code was used/), "복구 코드로 로그인했습니다", "A recovery code was used to sign in");

    assert.equal((await client.post("/api/auth/2fa/totp/disable", undefined, { headers })).status, 200);
    await waitForSubject(email, /Two-step verification was turned off/);

    await signInWithProvider(client, "kakao", randomIdentity("kakao"), {}, "link");
    const linked = await waitForSubject(email, /A social account was connected/);
    assert.match(linked.text, /\(Kakao\)/);
    assert.equal((await client.request("/api/auth/providers/kakao", { method: "DELETE", headers })).status, 204);
    assertNotice(await waitForSubject(email, /A social account was disconnected/), "소셜 계정 연결이 해제되었습니다", "A social account was disconnected");
  });

  test("the notice's 'this wasn't me' signs every device out, and leads to a new password", async () => {
    const { client, email } = await signedInUser();
    await addPasskey(client);
    const notice = await waitForSubject(email, /A passkey was added/);
    const secured = await new Client().followMailedLink(secureAccountLink(notice), "/api/auth/secure-account");
    assert.equal(new URL(secured.headers.get("location") ?? "", client.base).pathname, "/reset-password");
    assert.equal((await client.post("/api/auth/token/refresh")).status, 401);
  });

  test("a new administrator and a deleted account are told too; after a deletion there is nothing to secure", async () => {
    const { client, email } = await signedInUser();
    assert.equal(grantAdmin(email, "on-call rota").status, 0);
    // The grant queued its notice from the command line; the app's sweeper sends it.
    const granted = await waitForSubject(email, /Your account was made an administrator/);
    assert.ok(secureAccountLink(granted));
    assert.equal((await client.request("/api/auth/account", { method: "DELETE" })).status, 204);
    const deleted = await waitForSubject(email, /Your account was deleted/);
    assert.ok(!/secure-account/.test(deleted.text), "no link to an account that is gone");
    assert.ok((await mailsTo(email)).length >= 3);
  });
});
