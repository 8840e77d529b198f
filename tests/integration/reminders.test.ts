// Event reminders by e-mail, end to end: the API stores them, a reminder run at a clock the test
// chooses (in processes of their own, as other server instances) queues what is due, and the stack's
// outbox sweeper delivers it to the real SMTP catcher. The stack's own sweeper runs reminders on the
// real clock too; every event here lies months ahead, so it never finds them due.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { createEvent, reminderMails, runRemindersAt as runAt, waitForReminders, type EventBody } from "../helpers/reminders";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

const MINUTE = 60_000;
// Longer than the stack's mail sweeper takes to pick up a queued mail, so "still one" means it.
const SETTLE_MS = 7_000;

const at = (iso: string, minutes = 0) => new Date(Date.parse(iso) + minutes * MINUTE);
const hourLater = (iso: string) => at(iso, 60).toISOString();

describe("storing reminders", () => {
  test("an event keeps its reminders, each once and smallest first; other offsets and more than five are refused", async () => {
    const { client } = await signedInUser();
    const event = await createEvent(client, { title: "치과", startsAt: "2027-05-03T01:00:00Z", endsAt: "2027-05-03T02:00:00Z", reminders: [1440, 10, 10, 0] });
    assert.deepEqual(event.reminders, [0, 10, 1440]);
    const plain = await createEvent(client, { title: "메모", startsAt: "2027-05-03T03:00:00Z", endsAt: "2027-05-03T04:00:00Z" });
    assert.deepEqual(plain.reminders, []);

    const patched = await client.request(`/api/events/${event.id}`, { method: "PATCH", json: { reminders: [60] } });
    assert.equal(patched.status, 200);
    assert.deepEqual(((await patched.json()) as { event: EventBody }).event.reminders, [60]);

    for (const [reminders, key] of [
      [[7], "invalidValue"],
      [[-10], "invalidValue"],
      [["10"], "invalidValue"],
      [[0, 5, 10, 15, 30, 60], "remindersTooMany"],
      ["10", "invalidValue"],
    ] as const) {
      const response = await client.post("/api/events", { title: "x", startsAt: "2027-05-03T01:00:00Z", endsAt: "2027-05-03T02:00:00Z", reminders });
      assert.equal(response.status, 400, JSON.stringify(reminders));
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(body.error.code, "INVALID_INPUT");
      assert.ok(
        Object.keys(body.error.fields).some((field) => field.startsWith("reminders")),
        JSON.stringify(body),
      );
      assert.ok(key === "remindersTooMany" ? Object.values(body.error.fields)[0]?.includes("5") : true);
    }
  });
});

describe("sending reminders", () => {
  test("a due reminder arrives once from the outbox, even when two processes find it at the same moment; not before, and not again", async () => {
    const { client, email } = await signedInUser();
    // 15:00 in Seoul (the account's zone by default).
    const start = "2027-03-10T06:00:00Z";
    await createEvent(client, { title: "팀 회의", startsAt: start, endsAt: hourLater(start), reminders: [10] });

    assert.equal((await runAt(at(start, -11))).queued, 0, "not due a minute early");
    const runs = await Promise.all([runAt(at(start, -10)), runAt(at(start, -10))]);
    assert.deepEqual(
      runs.map((run) => run.due),
      [1, 1],
    );
    assert.equal(runs[0].queued + runs[1].queued, 1, "one of the two queued it");

    const [mail] = await waitForReminders(email, 1);
    assert.ok(mail);
    assert.equal(mail.subject, "[TropiCal] 10분 후: 팀 회의 / In 10 minutes: 팀 회의");
    assert.match(mail.text, /2027년 3월 10일/);
    assert.match(mail.text, /2027년 3월 10일 \(?수\)? 15:00 – 16:00 GMT\+9/);
    assert.match(mail.text, /March 10, 2027 3:00 PM – 4:00 PM GMT\+9/);
    assert.match(mail.text, /\/dashboard\?date=2027-03-10\b/);

    assert.equal((await runAt(at(start, -5))).queued, 0, "a later run finds it sent");
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    assert.equal((await reminderMails(email)).length, 1);
  });

  test("a reminder run late still sends within the grace period, and not after it", async () => {
    const { client, email } = await signedInUser();
    const start = "2027-03-11T00:30:00Z";
    const late = await createEvent(client, { title: "늦은 알림", startsAt: start, endsAt: hourLater(start), reminders: [0] });
    assert.equal((await runAt(at(start, 11))).queued, 0, "eleven minutes late is too late");
    assert.equal((await runAt(at(start, 9))).queued, 1, "nine minutes late still goes");
    const [mail] = await waitForReminders(email, 1);
    assert.equal(mail?.subject, "[TropiCal] 지금 시작: 늦은 알림 / Starting now: 늦은 알림");
    assert.ok(late.id);
  });

  test("a reminder already due when the event was made is not sent", async () => {
    const { client } = await signedInUser();
    // Starts in five minutes, reminded ten before: that time has passed at creation.
    const start = new Date(Date.now() + 5 * MINUTE);
    start.setUTCSeconds(0, 0);
    await createEvent(client, { title: "방금 만든 일정", startsAt: start.toISOString(), endsAt: hourLater(start.toISOString()), reminders: [10] });
    assert.equal((await runAt(new Date())).due, 0);
  });

  test("a deleted event sends nothing, and its delivery records go with it", async () => {
    const { client, email } = await signedInUser();
    const start = "2027-03-12T01:00:00Z";
    const gone = await createEvent(client, { title: "취소된 일정", startsAt: start, endsAt: hourLater(start), reminders: [30] });
    assert.equal((await client.request(`/api/events/${gone.id}`, { method: "DELETE" })).status, 204);
    assert.deepEqual(await runAt(at(start, -30)), { due: 0, queued: 0 });

    const sent = await createEvent(client, { title: "끝난 일정", startsAt: start, endsAt: hourLater(start), reminders: [30] });
    assert.equal((await runAt(at(start, -30))).queued, 1);
    await waitForReminders(email, 1);
    assert.equal((await client.request(`/api/events/${sent.id}`, { method: "DELETE" })).status, 204);
    const { rows } = await testDb().query(`SELECT 1 FROM "ReminderDelivery" WHERE "eventId" = $1`, [sent.id]);
    assert.equal(rows.length, 0);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    assert.equal((await reminderMails(email)).length, 1, "only the event that was not deleted reminded");
  });

  test("a moved event reminds at its new time, not its old one, also after it reminded once", async () => {
    const { client, email } = await signedInUser();
    const first = "2027-03-15T05:00:00Z";
    const event = await createEvent(client, { title: "이동한 일정", startsAt: first, endsAt: hourLater(first), reminders: [60] });
    assert.equal((await runAt(at(first, -60))).queued, 1);
    await waitForReminders(email, 1);

    const moved = "2027-03-16T07:00:00Z";
    const patched = await client.request(`/api/events/${event.id}`, { method: "PATCH", json: { startsAt: moved, endsAt: hourLater(moved) } });
    assert.equal(patched.status, 200);
    assert.equal((await runAt(at(first, -59))).due, 0, "the old time is gone");
    assert.equal((await runAt(at(moved, -60))).queued, 1, "the earlier delivery does not block the new start");
    const mails = await waitForReminders(email, 2);
    assert.match(mails[1]?.text ?? "", /2027년 3월 16일/);
    assert.match(mails[1]?.text ?? "", /16:00 – 17:00/);
  });

  test("a weekly series reminds once per occurrence; an occurrence changed on its own keeps its own reminders", async () => {
    const { client, email } = await signedInUser();
    // Mondays 10:00 in Seoul.
    const start = "2027-04-05T01:00:00Z";
    const series = await createEvent(client, { title: "주간 회의", startsAt: start, endsAt: hourLater(start), repeat: { freq: "WEEKLY", count: 3 }, reminders: [60] });
    const third = at(start, 14 * 24 * 60).toISOString();
    const override = await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "this", occurrenceStart: third, reminders: [] } });
    assert.equal(override.status, 200);

    const list = await client.request(`/api/events?from=2027-04-01T00:00:00Z&to=2027-04-30T00:00:00Z`);
    const listed = ((await list.json()) as { events: EventBody[] }).events;
    assert.deepEqual(
      listed.map((event) => event.reminders),
      [[60], [60], []],
    );

    assert.equal((await runAt(at(start, -60))).queued, 1);
    assert.equal((await runAt(at(start, 7 * 24 * 60 - 60))).queued, 1);
    assert.equal((await runAt(at(third, -60))).due, 0, "the changed occurrence has no reminder");
    const mails = await waitForReminders(email, 2);
    assert.deepEqual(mails.map((mail) => /dashboard\?date=([\d-]+)/.exec(mail.text)?.[1]).sort(), ["2027-04-05", "2027-04-12"]);
  });

  test("in a DST zone, a 09:00 series reminds at 09:00 on either side of the change; an all-day event at 09:00 of its day", async () => {
    const { client, email } = await signedInUser();
    assert.equal((await client.request("/api/settings", { method: "PATCH", json: { timeZone: "America/New_York" } })).status, 200);
    // 09:00 EST on Monday 8 March 2027; DST starts on the 14th.
    const start = "2027-03-08T14:00:00Z";
    await createEvent(client, { title: "Standup", startsAt: start, endsAt: at(start, 15).toISOString(), repeat: { freq: "WEEKLY", count: 2 }, reminders: [0] });
    assert.equal((await runAt(new Date(start))).queued, 1);
    assert.equal((await runAt(new Date("2027-03-15T14:00:00Z"))).due, 0, "an hour late in EDT");
    assert.equal((await runAt(new Date("2027-03-15T13:00:00Z"))).queued, 1, "09:00 EDT");

    await createEvent(client, { title: "Holiday", startsAt: "2027-03-20T00:00:00Z", endsAt: "2027-03-21T00:00:00Z", allDay: true, reminders: [1440] });
    assert.equal((await runAt(new Date("2027-03-19T13:00:00Z"))).queued, 1, "09:00 EDT the day before");

    const mails = await waitForReminders(email, 3);
    const texts = mails.map((mail) => mail.text).join("\n");
    assert.match(texts, /March 8, 2027 9:00 AM – 9:15 AM EST/);
    assert.match(texts, /March 15, 2027 9:00 AM – 9:15 AM EDT/);
    assert.ok(mails.some((mail) => mail.subject === "[TropiCal] 1일 후: Holiday / In 1 day: Holiday"));
  });

  test("a reminder whose first attempt meets a refusing SMTP server is retried by the outbox and arrives once", async () => {
    const { client, email } = await signedInUser();
    const start = "2027-03-18T02:00:00Z";
    await createEvent(client, { title: "장애 중 알림", startsAt: start, endsAt: hourLater(start), reminders: [15] });
    assert.equal((await runAt(at(start, -15), "deliver")).queued, 1);
    const { rows } = await testDb().query<{ attempts: number; lastError: string | null }>(`SELECT attempts, "lastError" FROM "MailIntent" WHERE address = $1 AND kind = 'REMINDER'`, [email]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.attempts, 1);
    assert.ok(rows[0]?.lastError, "the first attempt failed");
    assert.equal((await reminderMails(email)).length, 0);

    await waitForReminders(email, 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    assert.equal((await reminderMails(email)).length, 1);
  });
});
