// Event reminders as browser notifications, end to end: a subscription is stored through the API
// with a key pair this test holds (as a browser would), a reminder run at a clock the test chooses
// pushes to a stand-in push service on 127.0.0.1, and the test decrypts what arrived (RFC 8291)
// with the subscription's private key. Mail goes out beside it, whatever the push service does.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decodeProtectedHeader, importJWK, jwtVerify } from "jose";
import { closeTestDb, testDb } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { Client } from "../helpers/http";
import { browserKeys, decryptPush, startPushService, type BrowserKeys, type PushService } from "../helpers/push";
import { createEvent, reminderMails, runRemindersAt, waitForReminders } from "../helpers/reminders";
import { signedInUser } from "../helpers/users";

const MINUTE = 60_000;
// Longer than the stack's mail sweeper takes to pick up a queued mail, so "still one" means it.
const SETTLE_MS = 7_000;

let service: PushService;
before(async () => {
  service = await startPushService();
});
after(async () => {
  await service.stop();
  await closeTestDb();
});

const at = (iso: string, minutes = 0) => new Date(Date.parse(iso) + minutes * MINUTE);
const hourLater = (iso: string) => at(iso, 60).toISOString();

function subscriptionJson(endpoint: string, keys: BrowserKeys) {
  return { endpoint, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}

// A signed-in user whose browser is subscribed at the stand-in service.
async function subscribedUser(): Promise<{ client: Client; email: string; endpoint: string; keys: BrowserKeys }> {
  const { client, email } = await signedInUser();
  const keys = browserKeys();
  const endpoint = service.endpoint();
  const response = await client.post("/api/push/subscriptions", subscriptionJson(endpoint, keys), { headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36" } });
  assert.equal(response.status, 204);
  return { client, email, endpoint, keys };
}

function pushesTo(endpoint: string) {
  const path = new URL(endpoint).pathname;
  return service.received.filter((push) => push.path === path);
}

async function waitForPushes(endpoint: string, count: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pushes = pushesTo(endpoint);
    if (pushes.length >= count) return pushes;
    if (Date.now() > deadline) throw new Error(`expected ${count} push(es) to ${endpoint}, got ${pushes.length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function subscriptionRows(userOrEndpoint: { endpoint: string } | { email: string }) {
  const { rows } =
    "endpoint" in userOrEndpoint
      ? await testDb().query<{ userAgent: string | null; lastSuccessAt: Date | null }>(`SELECT "userAgent", "lastSuccessAt" FROM "PushSubscription" WHERE endpoint = $1`, [userOrEndpoint.endpoint])
      : await testDb().query(`SELECT 1 FROM "PushSubscription" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`, [userOrEndpoint.email]);
  return rows;
}

describe("push subscriptions", () => {
  test("the public key is given to signed-in users only", async () => {
    assert.equal((await new Client().request("/api/push/key")).status, 401);
    const { client } = await signedInUser();
    const response = await client.request("/api/push/key");
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { publicKey: testEnv().TEST_VAPID_PUBLIC_KEY });
  });

  test("a subscription is stored with a device label, moved by the same browser to whoever signs in, and deleted by its endpoint", async () => {
    const { client, endpoint, keys } = await subscribedUser();
    assert.deepEqual(
      (await subscriptionRows({ endpoint })).map((row) => row.userAgent),
      ["Chrome · Linux"],
    );
    // "Download my data" names the browser and its push service, not the endpoint's secret path.
    const exported = await (await client.request("/api/auth/export")).text();
    assert.deepEqual(
      (JSON.parse(exported) as { notificationBrowsers: { browser: string; pushService: string }[] }).notificationBrowsers.map(({ browser, pushService }) => ({ browser, pushService })),
      [{ browser: "Chrome · Linux", pushService: new URL(endpoint).host }],
    );
    assert.ok(!exported.includes(new URL(endpoint).pathname));

    // Someone else signs in on that browser: the notifications are theirs now, not both users'.
    const other = await signedInUser();
    assert.equal((await other.client.post("/api/push/subscriptions", subscriptionJson(endpoint, keys))).status, 204);
    const { rows } = await testDb().query<{ email: string }>(`SELECT u.email FROM "PushSubscription" p JOIN "User" u ON u.id = p."userId" WHERE p.endpoint = $1`, [endpoint]);
    assert.deepEqual(
      rows.map((row) => row.email),
      [other.email],
    );

    const stranger = await signedInUser();
    const refused = await stranger.client.request("/api/push/subscriptions", { method: "DELETE", json: { endpoint } });
    assert.equal(refused.status, 204, "the same answer for someone else's endpoint");
    assert.equal((await subscriptionRows({ endpoint })).length, 1, "and it is left alone");
    assert.equal((await other.client.request("/api/push/subscriptions", { method: "DELETE", json: { endpoint } })).status, 204);
    assert.equal((await subscriptionRows({ endpoint })).length, 0);
  });

  test("endpoints the server must not post to, malformed keys and cross-site writes are refused", async () => {
    const { client } = await signedInUser();
    const keys = browserKeys();
    for (const endpoint of [
      "http://push.example.com/send/1",
      "https://10.0.0.8/send/1",
      "https://[::1]/send/1",
      "https://localhost/send/1",
      "https://intranet/send/1",
      "https://push.example.com:8443/send/1",
      "https://user:pass@push.example.com/send/1",
      "http://127.0.0.2:9000/send/1",
      "ftp://push.example.com/1",
    ]) {
      const response = await client.post("/api/push/subscriptions", subscriptionJson(endpoint, keys));
      assert.equal(response.status, 400, endpoint);
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(body.error.code, "INVALID_INPUT");
      assert.ok("endpoint" in body.error.fields, endpoint);
    }
    const endpoint = "https://push.example.com/send/1";
    for (const bad of [
      { p256dh: keys.p256dh.slice(1), auth: keys.auth },
      { p256dh: Buffer.alloc(65, 5).toString("base64url"), auth: keys.auth },
      { p256dh: keys.p256dh, auth: Buffer.alloc(8).toString("base64url") },
      { p256dh: keys.p256dh },
    ]) {
      const response = await client.post("/api/push/subscriptions", { endpoint, keys: bad });
      assert.equal(response.status, 400, JSON.stringify(bad));
    }
    assert.equal((await client.post("/api/push/subscriptions", subscriptionJson(endpoint, keys), { headers: { origin: "https://evil.example" } })).status, 403);
    assert.equal((await client.post("/api/push/subscriptions", subscriptionJson(endpoint, keys))).status, 204, "a real push service's endpoint is taken");
  });

  test("signing every device out, or the others, deletes the subscriptions; deleting the account does too", async () => {
    const first = await subscribedUser();
    const revokeOthers = await first.client.post("/api/auth/sessions/revoke", { scope: "others" });
    assert.equal(revokeOthers.status, 200);
    assert.equal((await subscriptionRows({ email: first.email })).length, 0);

    const second = await subscribedUser();
    assert.equal((await second.client.post("/api/auth/sessions/revoke", { scope: "all" })).status, 200);
    assert.equal((await subscriptionRows({ email: second.email })).length, 0);

    const third = await subscribedUser();
    assert.equal((await third.client.request("/api/auth/account", { method: "DELETE" })).status, 204);
    assert.equal((await subscriptionRows({ endpoint: third.endpoint })).length, 0);
  });
});

describe("reminder pushes", () => {
  test("a due reminder is pushed once, encrypted to the browser and signed with the app's key, even when two processes find it at once", async () => {
    const { client, email, endpoint, keys } = await subscribedUser();
    // 15:00 in Seoul.
    const start = "2027-06-10T06:00:00Z";
    await createEvent(client, { title: "팀  회의", startsAt: start, endsAt: hourLater(start), reminders: [10] });

    const runs = await Promise.all([runRemindersAt(at(start, -10), "deliver"), runRemindersAt(at(start, -10), "deliver")]);
    assert.equal(runs[0].queued + runs[1].queued, 1, "one of the two queued it");
    assert.equal((runs[0].pushed ?? 0) + (runs[1].pushed ?? 0), 1, "and pushed it");
    const [push] = await waitForPushes(endpoint, 1);
    assert.ok(push);
    assert.equal(push.headers["content-encoding"], "aes128gcm");
    assert.equal(push.headers.urgency, "high");
    assert.ok(Number(push.headers.ttl) > 0 && Number(push.headers.ttl) <= 86_400);

    // VAPID (RFC 8292): a token for this push service's origin, signed with the app's private key.
    const vapid = /^vapid t=([^,]+), k=(\S+)$/.exec(String(push.headers.authorization));
    assert.ok(vapid, String(push.headers.authorization));
    assert.equal(vapid[2], testEnv().TEST_VAPID_PUBLIC_KEY);
    assert.equal(decodeProtectedHeader(vapid[1] ?? "").alg, "ES256");
    const point = Buffer.from(testEnv().TEST_VAPID_PUBLIC_KEY, "base64url");
    const publicKey = await importJWK({ kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") }, "ES256");
    const { payload: claims } = await jwtVerify(vapid[1] ?? "", publicKey, { audience: new URL(endpoint).origin });
    assert.equal(claims.sub, "mailto:push@tropical.test");

    const payload = JSON.parse(decryptPush(push.body, keys)) as Record<string, string>;
    assert.equal(payload.title, "팀 회의");
    assert.equal(payload.url, "/dashboard?view=week&date=2027-06-10");
    assert.match(payload.body ?? "", /^10분 후 · 2027년 6월 10일 \(?목\)? 15:00 – 16:00 GMT\+9\nIn 10 minutes · .*3:00 PM – 4:00 PM GMT\+9$/);
    assert.match(payload.tag ?? "", /^reminder-/);
    assert.ok((await subscriptionRows({ endpoint }))[0]?.lastSuccessAt, "the success is recorded");

    await waitForReminders(email, 1, 30_000);
    assert.equal((await runRemindersAt(at(start, -5), "deliver")).queued, 0, "a later run finds it sent");
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    assert.equal(pushesTo(endpoint).length, 1);
    assert.equal((await reminderMails(email)).length, 1);
  });

  test("every browser of the owner gets it; a subscription the push service calls gone (410) is deleted, the others kept", async () => {
    const { client, endpoint } = await subscribedUser();
    const second = service.endpoint();
    const gone = service.endpoint();
    for (const extra of [second, gone]) assert.equal((await client.post("/api/push/subscriptions", subscriptionJson(extra, browserKeys()))).status, 204);
    service.answer(gone, 410);
    const start = "2027-06-11T01:00:00Z";
    await createEvent(client, { title: "세 기기", startsAt: start, endsAt: hourLater(start), reminders: [0] });

    const run = await runRemindersAt(at(start), "deliver");
    assert.equal(run.pushed, 2);
    for (const target of [endpoint, second, gone]) assert.equal(pushesTo(target).length, 1, target);
    assert.equal((await subscriptionRows({ endpoint: gone })).length, 0, "410: deleted");
    assert.equal((await subscriptionRows({ endpoint: second })).length, 1);
    assert.equal((await subscriptionRows({ endpoint })).length, 1);
  });

  test("a deleted event pushes nothing, and neither does someone else's reminder", async () => {
    const { client, endpoint } = await subscribedUser();
    const other = await subscribedUser();
    const start = "2027-06-12T01:00:00Z";
    const gone = await createEvent(client, { title: "취소된 일정", startsAt: start, endsAt: hourLater(start), reminders: [30] });
    assert.equal((await client.request(`/api/events/${gone.id}`, { method: "DELETE" })).status, 204);
    await createEvent(other.client, { title: "남의 일정", startsAt: start, endsAt: hourLater(start), reminders: [30] });

    const run = await runRemindersAt(at(start, -30), "deliver");
    assert.equal(run.queued, 1, "the other user's reminder only");
    await waitForPushes(other.endpoint, 1);
    assert.equal(pushesTo(endpoint).length, 0);
  });

  test("a push service that refuses, is down or never answers does not hold up the mail", async () => {
    const { client, email } = await subscribedUser();
    const refusing = service.endpoint();
    const hanging = service.endpoint();
    service.answer(refusing, 503);
    service.answer(hanging, "hang");
    // Nothing listens on port 9 (discard): the connection is refused.
    for (const endpoint of [refusing, hanging, "http://127.0.0.1:9/push/down"]) assert.equal((await client.post("/api/push/subscriptions", subscriptionJson(endpoint, browserKeys()))).status, 204);
    const start = "2027-06-13T01:00:00Z";
    await createEvent(client, { title: "장애 중 푸시", startsAt: start, endsAt: hourLater(start), reminders: [15] });

    const startedAt = Date.now();
    const run = await runRemindersAt(at(start, -15), "deliver", testEnv().TEST_SMTP_URL);
    assert.deepEqual({ queued: run.queued, sent: run.sent }, { queued: 1, sent: 1 }, "the run's own attempt sent the mail");
    assert.ok(Date.now() - startedAt < 30_000, "the hanging service was given up on");
    const [mail] = await waitForReminders(email, 1);
    assert.equal(mail?.subject, "[TropiCal] 15분 후: 장애 중 푸시 / In 15 minutes: 장애 중 푸시");
    // Only gone subscriptions are deleted: these may work again.
    assert.equal((await subscriptionRows({ email })).length, 4);
  });
});
