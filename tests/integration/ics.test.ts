import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { addDays } from "@/lib/planner/dates";
import { fromLunar } from "@/lib/planner/lunar";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { testEnv } from "../helpers/env";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

interface Listed {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  color: string;
  seriesId: string | null;
  occurrenceStart: string | null;
  repeat: unknown;
  timeZone: string | null;
}
interface ImportAnswer {
  imported: number;
  skipped: number;
  reasons: Record<string, number>;
  preview: { title: string; startsAt: string; skipped: string | null }[];
  dryRun: boolean;
}
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

async function create(client: Client, body: Record<string, unknown>): Promise<Listed> {
  const response = await client.post("/api/events", body);
  assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
  return ((await response.json()) as { event: Listed }).event;
}

async function list(client: Client, from: string, to: string): Promise<Listed[]> {
  const response = await client.request(`/api/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { events: Listed[] }).events;
}

// What a person sees of an event, without the ids that differ between accounts.
function seen(events: Listed[]) {
  return events
    .map(({ title, description, location, startsAt, endsAt, allDay, color, seriesId, occurrenceStart, repeat, timeZone }) => ({
      title,
      description,
      location,
      startsAt,
      endsAt,
      allDay,
      color,
      repeats: seriesId !== null,
      occurrenceStart,
      repeat,
      timeZone,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title));
}

async function exportFile(client: Client): Promise<string> {
  const response = await client.request("/api/events/export.ics");
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "text/calendar; charset=utf-8");
  assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="tropical-\d{4}-\d{2}-\d{2}\.ics"$/);
  return response.text();
}

async function importFile(client: Client, ics: string, dryRun = false): Promise<ImportAnswer> {
  const response = await client.post(`/api/events/import${dryRun ? "?dryRun=1" : ""}`, { ics });
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as ImportAnswer;
}

async function eventCount(client: Client): Promise<number> {
  const me = (await (await client.request("/api/auth/me")).json()) as { id: string };
  const { rows } = await testDb().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Event" WHERE "userId" = $1`, [me.id]);
  return rows[0]?.n ?? -1;
}

// A lunar yearly series started on 2026-12-07 (the 29th of the 10th lunar month) comes back on that
// lunar date in 2027.
const NEXT_LUNAR = fromLunar(2027, 10, 29, false) ?? "";
const RANGES = [
  ["2026-11-30T15:00:00Z", "2027-02-28T15:00:00Z"],
  [`${addDays(NEXT_LUNAR, -20)}T00:00:00Z`, `${addDays(NEXT_LUNAR, 20)}T00:00:00Z`],
] as const;

// A calendar with what people keep in one: a one-off with text to escape, an all-day trip, a weekly
// series with a cancelled and a moved occurrence, a series on New York's clock and a lunar birthday.
async function fillCalendar(client: Client): Promise<void> {
  await create(client, {
    title: "회의; 예산, 검토 \\ 최종",
    description: "첫 줄\n둘째 줄 — 아주 긴 설명입니다. ".repeat(4),
    location: "서울, 강남구",
    startsAt: "2026-12-03T10:00:00+09:00",
    endsAt: "2026-12-03T11:30:00+09:00",
    color: "ROSE",
  });
  await create(client, { title: "제주 여행", startsAt: "2026-12-24T00:00:00Z", endsAt: "2026-12-27T00:00:00Z", allDay: true, color: "AMBER" });
  const swim = await create(client, {
    title: "수영",
    startsAt: "2026-12-07T07:00:00+09:00",
    endsAt: "2026-12-07T08:00:00+09:00",
    repeat: { freq: "WEEKLY", byWeekday: ["MO", "WE"], count: 8 },
    timeZone: "Asia/Seoul",
  });
  assert.equal((await client.request(`/api/events/${swim.id}?scope=this&occurrenceStart=${encodeURIComponent("2026-12-09T07:00:00+09:00")}`, { method: "DELETE" })).status, 204);
  const moved = await client.request(`/api/events/${swim.id}`, {
    method: "PATCH",
    json: { scope: "this", occurrenceStart: "2026-12-14T07:00:00+09:00", title: "수영 (늦게)", startsAt: "2026-12-14T19:00:00+09:00", endsAt: "2026-12-14T20:00:00+09:00" },
  });
  assert.equal(moved.status, 200, await moved.clone().text());
  await create(client, {
    title: "Standup",
    startsAt: "2027-02-01T09:00:00-05:00",
    endsAt: "2027-02-01T09:15:00-05:00",
    repeat: { freq: "MONTHLY", monthlyBy: "weekday", until: "2027-12-31" },
    timeZone: "America/New_York",
  });
  await create(client, { title: "할머니 생신", startsAt: "2026-12-07T00:00:00Z", endsAt: "2026-12-08T00:00:00Z", allDay: true, repeat: { freq: "YEARLY", lunar: true } });
}

describe("ICS export and import", () => {
  test("an export imported by another account gives the same events, series, cancelled and moved occurrences", async () => {
    const { client: alice } = await signedInUser();
    await fillCalendar(alice);
    const file = await exportFile(alice);
    assert.ok(file.startsWith("BEGIN:VCALENDAR\r\n"));
    assert.match(file, /RRULE:RSCALE=DANGI;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29;SKIP=BACKWARD/);
    assert.match(file, /EXDATE;TZID=Asia\/Seoul:20261209T070000/);
    assert.match(file, /RECURRENCE-ID;TZID=Asia\/Seoul:20261214T070000/);

    const { client: bob } = await signedInUser();
    const preview = await importFile(bob, file, true);
    assert.deepEqual({ imported: preview.imported, skipped: preview.skipped, dryRun: preview.dryRun }, { imported: 6, skipped: 0, dryRun: true });
    assert.ok(preview.preview.some((item) => item.title === "할머니 생신" && item.skipped === null));
    assert.equal(await eventCount(bob), 0, "a dry run writes nothing");

    const result = await importFile(bob, file);
    assert.deepEqual({ imported: result.imported, skipped: result.skipped }, { imported: 6, skipped: 0 });
    for (const [from, to] of RANGES) {
      const mine = seen(await list(alice, from, to));
      assert.ok(mine.length > 0);
      assert.deepEqual(seen(await list(bob, from, to)), mine);
    }
    const december = seen(await list(bob, ...RANGES[0]));
    assert.equal(december.filter((event) => event.title.startsWith("수영")).length, 7, "eight swims, one cancelled");
    assert.ok(december.some((event) => event.title === "수영 (늦게)" && event.startsAt === "2026-12-14T10:00:00.000Z"));

    const again = await importFile(bob, file);
    assert.deepEqual({ imported: again.imported, skipped: again.skipped, reasons: again.reasons }, { imported: 0, skipped: 6, reasons: { duplicate: 6 } });
    assert.equal((await importFile(alice, file)).imported, 0, "an account's own export adds nothing to it");
    assert.equal(await eventCount(bob), 6);
  });

  test("rules TropiCal cannot repeat the same way are skipped and counted, the rest imported", async () => {
    const { client } = await signedInUser();
    const vevent = (uid: string, lines: string[]) => ["BEGIN:VEVENT", `UID:${uid}`, "DTSTAMP:20261201T000000Z", ...lines, "END:VEVENT"];
    const file = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Other//EN",
      ...vevent("ok", ["DTSTART;TZID=Europe/Berlin:20261207T090000", "DTEND;TZID=Europe/Berlin:20261207T100000", "RRULE:FREQ=DAILY;COUNT=3", "SUMMARY:Daily"]),
      ...vevent("last-friday", ["DTSTART:20261225T090000Z", "DURATION:PT1H", "RRULE:FREQ=MONTHLY;BYDAY=-1FR;BYSETPOS=1", "SUMMARY:Review"]),
      ...vevent("rdate", ["DTSTART:20261225T090000Z", "RDATE:20261226T090000Z", "SUMMARY:Extra"]),
      ...vevent("backwards", ["DTSTART:20261225T090000Z", "DTEND:20261224T090000Z", "SUMMARY:Backwards"]),
      ...vevent("orphan", ["RECURRENCE-ID:20261101T090000Z", "DTSTART:20261101T100000Z", "SUMMARY:Orphan"]),
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const result = await importFile(client, file);
    assert.deepEqual({ imported: result.imported, skipped: result.skipped, reasons: result.reasons }, { imported: 1, skipped: 4, reasons: { unsupportedRule: 2, invalidTimes: 1, missingSeries: 1 } });
    const events = await list(client, "2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z");
    assert.deepEqual(
      events.map((event) => [event.title, event.startsAt, event.timeZone]),
      [
        ["Daily", "2026-12-07T08:00:00.000Z", "Europe/Berlin"],
        ["Daily", "2026-12-08T08:00:00.000Z", "Europe/Berlin"],
        ["Daily", "2026-12-09T08:00:00.000Z", "Europe/Berlin"],
      ],
    );
  });

  test("import refuses what is not a calendar, a file over 1 MB and a body over the limit; export needs a session", async () => {
    const { client } = await signedInUser();
    const notIcs = await client.post("/api/events/import", { ics: "hello, world" });
    assert.equal(notIcs.status, 400);
    assert.deepEqual(((await notIcs.json()) as ErrorBody).error.fields, { ics: "iCalendar(.ics) 파일이 아닙니다." });
    const large = await client.post("/api/events/import", { ics: `BEGIN:VCALENDAR\r\n${"X".repeat(1_000_001)}` });
    assert.equal(large.status, 400);
    assert.ok(((await large.json()) as ErrorBody).error.fields?.ics);
    const huge = await client.post("/api/events/import", { ics: "\n".repeat(1_100_000) });
    assert.equal(huge.status, 413);
    assert.equal((await client.post("/api/events/import", { ics: "BEGIN:VCALENDAR" }, { headers: { origin: "https://evil.example" } })).status, 403);
    assert.equal(await eventCount(client), 0);

    const stranger = new Client();
    assert.equal((await stranger.request("/api/events/export.ics")).status, 401);
    assert.equal((await stranger.post("/api/events/import", { ics: "BEGIN:VCALENDAR" })).status, 401);
  });
});

// Against a file of the same size in the same run: how long a file takes depends on the host, what
// its changed occurrences add to it does not.
test("a file of changed occurrences aimed past its series' end costs about what a file of as many plain events does", async () => {
  const { client } = await signedInUser();
  const series = ["BEGIN:VEVENT", "UID:bomb", "DTSTART:20000101T000000Z", "DTEND:20000101T010000Z", "RRULE:FREQ=DAILY;COUNT=999", "SUMMARY:series", "END:VEVENT"];
  const file = (events: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", ...series, ...events, "END:VCALENDAR"].join("\r\n");
  const changed = Array.from(
    { length: 2000 },
    (_, index) => `BEGIN:VEVENT\r\nUID:bomb\r\nRECURRENCE-ID:2003010${(index % 9) + 1}T000000Z\r\nDTSTART:20030101T000000Z\r\nDTEND:20030101T010000Z\r\nSUMMARY:x\r\nEND:VEVENT`,
  );
  const plain = Array.from({ length: 2000 }, (_, index) => `BEGIN:VEVENT\r\nUID:plain-${index}\r\nDTSTART:20030101T000000Z\r\nDTEND:20030101T010000Z\r\nSUMMARY:x\r\nEND:VEVENT`);
  const timed = async (ics: string) => {
    const started = performance.now();
    const result = await importFile(client, ics, true);
    return { result, seconds: (performance.now() - started) / 1000 };
  };
  // Each file twice, alternating, the faster of each counted: the server warms up on the first.
  const runs = [await timed(file(plain)), await timed(file(changed)), await timed(file(plain)), await timed(file(changed))];
  const baseline = Math.min(runs[0]!.seconds, runs[2]!.seconds);
  const aimed = Math.min(runs[1]!.seconds, runs[3]!.seconds);
  assert.equal(runs[1]!.result.reasons.tooMany, 1500, "past the first 500 changed occurrences, each is refused unchecked");
  assert.equal(runs[1]!.result.reasons.missingSeries, 500);
  assert.ok(aimed < 3 * baseline, `${aimed.toFixed(2)} s against ${baseline.toFixed(2)} s for as many plain events`);
});

describe("calendar subscription URL", () => {
  async function createFeed(client: Client): Promise<string> {
    const response = await client.post("/api/settings/calendar-feed");
    assert.equal(response.status, 201);
    const { url } = (await response.json()) as { url: string };
    assert.match(url, /\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    return new URL(url).pathname;
  }

  async function securityEvents(client: Client): Promise<string[]> {
    const me = (await (await client.request("/api/auth/me")).json()) as { id: string };
    const { rows } = await testDb().query<{ type: string }>(`SELECT type FROM "SecurityEvent" WHERE "userId" = $1 AND type::text LIKE 'CALENDAR_FEED_%' ORDER BY "createdAt"`, [me.id]);
    return rows.map((row) => row.type);
  }

  test("is served without cookies, only with its own user's events, and refused once replaced or revoked", async () => {
    const { client: alice } = await signedInUser();
    await create(alice, { title: "앨리스의 비밀 약속", startsAt: "2026-12-03T10:00:00+09:00", endsAt: "2026-12-03T11:00:00+09:00" });
    const { client: bob } = await signedInUser();
    await create(bob, { title: "Bob's dentist", startsAt: "2026-12-04T10:00:00+09:00", endsAt: "2026-12-04T11:00:00+09:00" });
    assert.deepEqual(await (await alice.request("/api/settings/calendar-feed")).json(), { active: false, createdAt: null });

    const first = await createFeed(alice);
    const bobs = await createFeed(bob);
    const calendarApp = new Client();
    const served = await calendarApp.request(first);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get("content-type"), "text/calendar; charset=utf-8");
    assert.equal(served.headers.get("cache-control"), "private, max-age=300");
    assert.equal(served.headers.get("referrer-policy"), "no-referrer");
    assert.equal(served.headers.getSetCookie().length, 0);
    const body = await served.text();
    assert.match(body, /SUMMARY:앨리스의 비밀 약속/);
    assert.doesNotMatch(body, /dentist/);
    assert.doesNotMatch(await (await calendarApp.request(bobs)).text(), /앨리스/);
    assert.equal(((await (await alice.request("/api/settings/calendar-feed")).json()) as { active: boolean }).active, true);

    assert.equal((await calendarApp.request(`/api/calendar/${randomBytes(32).toString("base64url")}.ics`)).status, 404, "a token never issued");
    assert.equal((await calendarApp.request("/api/calendar/not-a-token.ics")).status, 404);
    assert.equal((await calendarApp.request(first.replace(/\.ics$/, ""))).status, 404);

    const second = await createFeed(alice);
    assert.equal((await calendarApp.request(first)).status, 404, "a new URL replaces the old one");
    assert.equal((await calendarApp.request(second)).status, 200);

    assert.equal((await alice.request("/api/settings/calendar-feed", { method: "DELETE" })).status, 204);
    assert.equal((await calendarApp.request(second)).status, 404, "revoked");
    assert.equal((await calendarApp.request(bobs)).status, 200, "another user's URL is untouched");
    assert.deepEqual(await securityEvents(alice), ["CALENDAR_FEED_CREATED", "CALENDAR_FEED_CREATED", "CALENDAR_FEED_REVOKED"]);
    const { rows } = await testDb().query<{ tokenHash: string }>(`SELECT "tokenHash" FROM "CalendarFeed"`);
    assert.ok(
      rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash) && !bobs.includes(row.tokenHash)),
      "only hashes are kept",
    );

    assert.equal((await new Client().post("/api/settings/calendar-feed")).status, 401);
  });
});

test("a subscription URL ends when every device is signed out, as recovery does: one made from a stolen session too", async () => {
  const { client } = await signedInUser();
  await create(client, { title: "집 비는 날", startsAt: "2026-12-05T10:00:00+09:00", endsAt: "2026-12-05T11:00:00+09:00" });
  const made = await client.post("/api/settings/calendar-feed");
  assert.equal(made.status, 201);
  const path = new URL(((await made.json()) as { url: string }).url).pathname;
  const calendarApp = new Client();
  assert.match(await (await calendarApp.request(path)).text(), /집 비는 날/);
  assert.equal((await client.post("/api/auth/sessions/revoke", { scope: "all" })).status, 200);
  assert.equal((await calendarApp.request(path)).status, 404, "the subscription ended with the sessions");
  const { rows } = await testDb().query<{ count: string }>(`SELECT count(*) FROM "CalendarFeed" WHERE "tokenHash" = encode(sha256($1::bytea), 'hex')`, [
    path.slice("/api/calendar/".length, -".ics".length),
  ]);
  assert.equal(rows[0]?.count, "0");
});

test("guessing feed tokens is slowed per address, and no token reaches the metrics", async () => {
  const guesser = new Client();
  const guesses = Array.from({ length: 121 }, () => `/api/calendar/${randomBytes(32).toString("base64url")}.ics`);
  const statuses: number[] = [];
  for (const path of guesses) statuses.push((await guesser.request(path)).status);
  assert.deepEqual([...new Set(statuses.slice(0, 120))], [404]);
  assert.equal(statuses[120], 429);
  const metrics = await (await new Client().request("/api/metrics", { headers: { authorization: `Bearer ${testEnv().TEST_METRICS_TOKEN}` } })).text();
  assert.match(metrics, /route="\/api\/calendar\/:id"/);
  assert.ok(!guesses.some((path) => metrics.includes(path.slice("/api/calendar/".length, -".ics".length))));
});
