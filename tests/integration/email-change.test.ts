import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { mailsTo, waitForSubject, type Mail } from "../helpers/mail";
import { randomIdentity, signInWithProvider } from "../helpers/oauth";
import { errorCode, makeClientStale, proveAgain } from "../helpers/step-up";
import { PASSWORD, randomEmail, signedInUser } from "../helpers/users";

after(closeTestDb);

function link(mail: Mail, page: string): string {
  const match = new RegExp(`https?://\\S+/${page}\\?token=[\\w.%-]+`).exec(mail.text);
  assert.ok(match, `no ${page} link in "${mail.subject}"`);
  return match[0];
}

async function changeTo(client: Client, email: string): Promise<Response> {
  return client.post("/api/auth/email/change", { email });
}

describe("changing the e-mail address", () => {
  test("needs a recent proof; takes effect only through the link mailed to the new address; ends the other sessions; tells the old address", async () => {
    const { client, email: old } = await signedInUser();
    const phone = new Client();
    assert.equal((await phone.post("/api/auth/login", { email: old, password: PASSWORD })).status, 200);
    const fresh = randomEmail("moved");
    await makeClientStale(client);
    const stale = await changeTo(client, fresh);
    assert.equal(stale.status, 403);
    assert.equal(await errorCode(stale), "REAUTHENTICATION_REQUIRED");
    assert.equal((await proveAgain(client)).status, 200);
    assert.equal((await changeTo(client, old)).status, 400, "the address already in use by this account");
    assert.equal((await changeTo(client, fresh)).status, 202);
    assert.deepEqual(((await (await client.request("/api/auth/email")).json()) as { email: string; pending: { newEmail: string } }).pending.newEmail, fresh);

    const confirm = await waitForSubject(fresh, /Confirm your new e-mail address/);
    // Nothing changes until the link's button is pressed; a scanner's visit changes nothing either.
    const page = new URL(link(confirm, "confirm-email"));
    assert.equal((await new Client().request(`${page.pathname}${page.search}`, { method: "HEAD" })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email: old, password: PASSWORD })).status, 200);
    const done = await new Client().followMailedLink(link(confirm, "confirm-email"), "/api/auth/email/confirm");
    assert.equal(new URL(done.headers.get("location") ?? "", client.base).search, "?result=changed");
    assert.equal((await new Client().followMailedLink(link(confirm, "confirm-email"), "/api/auth/email/confirm")).headers.get("location")?.endsWith("result=invalid"), true, "once");

    assert.equal((await new Client().post("/api/auth/login", { email: fresh, password: PASSWORD })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email: old, password: PASSWORD })).status, 401);
    assert.equal((await client.request("/api/auth/me")).status, 200, "the session that asked stays");
    assert.equal((await phone.post("/api/auth/token/refresh")).status, 401, "the others end");

    const notice = await waitForSubject(old, /Your e-mail address was changed/);
    assert.match(notice.text, new RegExp(fresh.replace(/[.]/g, "\\.")));
    assert.ok(link(notice, "revert-email"));
  });

  test("the old address undoes it within a week: the address goes back, every session ends, and a new password is next", async () => {
    const { client, email: old } = await signedInUser();
    const fresh = randomEmail("moved");
    assert.equal((await changeTo(client, fresh)).status, 202);
    await new Client().followMailedLink(link(await waitForSubject(fresh, /Confirm your new e-mail address/), "confirm-email"), "/api/auth/email/confirm");
    const revert = link(await waitForSubject(old, /Your e-mail address was changed/), "revert-email");

    const undone = await new Client().followMailedLink(revert, "/api/auth/email/revert");
    const target = new URL(undone.headers.get("location") ?? "", client.base);
    assert.equal(target.pathname, "/reset-password");
    assert.equal(target.searchParams.get("secured"), "1");
    assert.equal((await client.post("/api/auth/token/refresh")).status, 401, "every session ended, the asking one too");
    assert.equal((await new Client().post("/api/auth/login", { email: old, password: PASSWORD })).status, 200);
    assert.equal((await new Client().post("/api/auth/login", { email: fresh, password: PASSWORD })).status, 401);
    // The reset link it led to works for the old address.
    assert.equal((await new Client().post("/api/auth/password/reset", { token: target.searchParams.get("token"), password: "the owner's new passphrase 88" })).status, 200);
    assert.equal((await new Client().followMailedLink(revert, "/api/auth/email/revert")).headers.get("location")?.endsWith("result=invalid"), true, "once");
  });

  test("after a week the undo link is void", async () => {
    const { client, email: old } = await signedInUser();
    const fresh = randomEmail("moved");
    await changeTo(client, fresh);
    await new Client().followMailedLink(link(await waitForSubject(fresh, /Confirm your new e-mail address/), "confirm-email"), "/api/auth/email/confirm");
    const revert = link(await waitForSubject(old, /Your e-mail address was changed/), "revert-email");
    await testDb().query(`UPDATE "EmailChange" SET "revertibleUntil" = now() - interval '1 minute' WHERE "newEmail" = $1`, [fresh]);
    assert.match((await new Client().followMailedLink(revert, "/api/auth/email/revert")).headers.get("location") ?? "", /result=invalid$/);
    assert.equal((await new Client().post("/api/auth/login", { email: fresh, password: PASSWORD })).status, 200);
  });

  test("an address that has an account answers the same, changes nothing, and tells its owner", async () => {
    const { client, email: mine } = await signedInUser();
    const { email: theirs } = await signedInUser();
    const before = (await mailsTo(theirs)).length;
    const taken = await changeTo(client, theirs);
    const free = await changeTo(client, randomEmail("free"));
    assert.equal(taken.status, free.status);
    assert.deepEqual(await taken.json(), await free.json());
    await waitForSubject(theirs, /already in use/);
    assert.ok(!(await mailsTo(theirs)).slice(before).some((mail) => /confirm-email/.test(mail.text)), "no link that could move an account onto it");
    assert.equal((await new Client().post("/api/auth/login", { email: mine, password: PASSWORD })).status, 200);
  });

  test("an account without a password changes its address the same way (its address was typed at onboarding)", async () => {
    const client = new Client();
    const identity = randomIdentity("google");
    await signInWithProvider(client, "google", identity);
    assert.equal((await client.post("/api/auth/onboarding", { nickname: "Social", consents: { terms: true, privacy: true, marketing: false } })).status, 200);
    const fresh = randomEmail("social-moved");
    assert.equal((await changeTo(client, fresh)).status, 202);
    await new Client().followMailedLink(link(await waitForSubject(fresh, /Confirm your new e-mail address/), "confirm-email"), "/api/auth/email/confirm");
    assert.equal(((await (await client.request("/api/auth/me")).json()) as { email: string }).email, fresh);
  });
});
