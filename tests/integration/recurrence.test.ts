import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { instantToZoned } from "@/lib/planner/dates";
import { closeTestDb, testDb } from "../helpers/db";
import type { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

interface Occurrence {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  seriesId: string | null;
  occurrenceStart: string | null;
  repeat: { freq: string; interval: number; byWeekday: string[]; monthlyBy: string; lunar: boolean; until: string | null; count: number | null } | null;
  timeZone: string | null;
}
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function create(client: Client, body: Record<string, unknown>): Promise<Occurrence> {
  const response = await client.post("/api/events", body);
  assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
  return (await json<{ event: Occurrence }>(response)).event;
}

async function list(client: Client, from: string, to: string): Promise<Occurrence[]> {
  const response = await client.request(`/api/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  assert.equal(response.status, 200);
  return (await json<{ events: Occurrence[] }>(response)).events;
}

// Each occurrence as "YYYY-MM-DD HH:mm title" on the wall clock of `timeZone`.
const seen = (events: Occurrence[], timeZone = "Asia/Seoul") =>
  events.map((event) => {
    const { date, time } = instantToZoned(new Date(event.startsAt), timeZone);
    return `${date} ${time} ${event.title}`;
  });

async function stored(id: string): Promise<{ recurrence: string | null; timeZone: string | null; exdates: Date[] }> {
  const { rows } = await testDb().query<{ recurrence: string | null; timeZone: string | null; exdates: Date[] }>(`SELECT recurrence, "timeZone", exdates FROM "Event" WHERE id = $1`, [id]);
  assert.ok(rows[0], id);
  return rows[0];
}

const DECEMBER = ["2026-11-30T15:00:00Z", "2027-01-01T15:00:00Z"] as const;

describe("creating and listing repeating events", () => {
  test("a weekly series is listed as one occurrence per date, each naming its series and original start", async () => {
    const { client } = await signedInUser();
    const series = await create(client, {
      title: "수영",
      startsAt: "2026-12-07T10:00:00+09:00",
      endsAt: "2026-12-07T11:00:00+09:00",
      repeat: { freq: "WEEKLY", byWeekday: ["MO", "WE"], count: 5 },
      timeZone: "Asia/Seoul",
    });
    assert.equal(series.seriesId, series.id);
    assert.deepEqual(series.repeat, { freq: "WEEKLY", interval: 1, byWeekday: ["MO", "WE"], monthlyBy: "date", lunar: false, until: null, count: 5 });
    assert.equal((await stored(series.id)).recurrence, "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=5");

    const december = await list(client, ...DECEMBER);
    assert.deepEqual(seen(december), ["2026-12-07 10:00 수영", "2026-12-09 10:00 수영", "2026-12-14 10:00 수영", "2026-12-16 10:00 수영", "2026-12-21 10:00 수영"]);
    assert.ok(december.every((event) => event.id === series.id && event.seriesId === series.id && event.occurrenceStart === event.startsAt));
    assert.equal(new Set(december.map((event) => `${event.id}|${event.occurrenceStart}`)).size, 5, "each occurrence has its own key");
    assert.deepEqual(await list(client, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"), [], "after five times it ends");
  });

  test("a series created without a zone keeps the account's; 09:00 in New York stays 09:00 across DST", async () => {
    const { client } = await signedInUser();
    assert.equal((await client.request("/api/settings", { method: "PATCH", json: { timeZone: "America/New_York" } })).status, 200);
    const series = await create(client, { title: "Standup", startsAt: "2027-03-01T09:00:00-05:00", endsAt: "2027-03-01T09:15:00-05:00", repeat: { freq: "WEEKLY" } });
    assert.equal(series.timeZone, "America/New_York");
    const march = await list(client, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z");
    assert.deepEqual(seen(march, "America/New_York"), ["2027-03-01 09:00 Standup", "2027-03-08 09:00 Standup", "2027-03-15 09:00 Standup", "2027-03-22 09:00 Standup", "2027-03-29 09:00 Standup"]);
    assert.deepEqual(
      march.slice(1, 3).map((event) => event.startsAt),
      ["2027-03-08T14:00:00.000Z", "2027-03-15T13:00:00.000Z"],
    );
  });

  test("a lunar yearly birthday lands on its lunar date each year and is stored as RFC 7529's RSCALE", async () => {
    const { client } = await signedInUser();
    const birthday = await create(client, { title: "어머니 생신", startsAt: "2026-04-01T00:00:00Z", endsAt: "2026-04-02T00:00:00Z", allDay: true, repeat: { freq: "YEARLY", lunar: true } });
    assert.equal((await stored(birthday.id)).recurrence, "RSCALE=DANGI;FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=14;SKIP=BACKWARD", "2026-04-01 is 음력 2월 14일");
    const next = await list(client, "2027-03-01T00:00:00Z", "2027-05-01T00:00:00Z");
    assert.deepEqual(
      next.map((event) => [event.startsAt, event.endsAt]),
      [["2027-03-21T00:00:00.000Z", "2027-03-22T00:00:00.000Z"]],
    );
    const seollal = await create(client, { title: "설날", startsAt: "2025-01-29T00:00:00Z", endsAt: "2025-01-30T00:00:00Z", allDay: true, repeat: { freq: "YEARLY", lunar: true } });
    for (const [from, to, date] of [
      ["2026-01-15T00:00:00Z", "2026-03-15T00:00:00Z", "2026-02-17"],
      ["2027-01-15T00:00:00Z", "2027-03-15T00:00:00Z", "2027-02-07"],
    ] as const) {
      const found = (await list(client, from, to)).filter((event) => event.seriesId === seollal.id);
      assert.deepEqual(
        found.map((event) => event.startsAt.slice(0, 10)),
        [date],
      );
    }
  });

  test("repeat fields are checked: one end, known values, an end after the start", async () => {
    const { client } = await signedInUser();
    const base = { title: "x", startsAt: "2026-12-07T10:00:00+09:00", endsAt: "2026-12-07T11:00:00+09:00" };
    const cases: [unknown, string][] = [
      [{ freq: "HOURLY" }, "repeat.freq"],
      [{ freq: "DAILY", interval: 0 }, "repeat.interval"],
      [{ freq: "DAILY", interval: 1.5 }, "repeat.interval"],
      [{ freq: "DAILY", count: 1000 }, "repeat.count"],
      [{ freq: "DAILY", count: 3, until: "2027-01-01" }, "repeat.count"],
      [{ freq: "WEEKLY", byWeekday: ["XX"] }, "repeat.byWeekday.0"],
      [{ freq: "WEEKLY", lunar: true }, "repeat.lunar"],
      [{ freq: "DAILY", until: "2026-12-06" }, "repeat.until"],
      ["FREQ=SECONDLY", "repeat"],
    ];
    for (const [repeat, field] of cases) {
      const response = await client.post("/api/events", { ...base, repeat });
      assert.equal(response.status, 400, JSON.stringify(repeat));
      assert.ok((await json<ErrorBody>(response)).error.fields?.[field], `${field} for ${JSON.stringify(repeat)}`);
    }
    const outOfRange = await client.post("/api/events", { ...base, startsAt: "2051-03-01T00:00:00Z", endsAt: "2051-03-02T00:00:00Z", allDay: true, repeat: { freq: "YEARLY", lunar: true } });
    assert.equal(outOfRange.status, 400);
    assert.ok((await json<ErrorBody>(outOfRange)).error.fields?.["repeat.lunar"]);
    assert.equal((await client.post("/api/events", { ...base, timeZone: "Mars/Olympus" })).status, 400);
  });
});

describe("changing and deleting occurrences", () => {
  async function weekly(client: Client, count = 6) {
    return create(client, { title: "Class", startsAt: "2026-12-01T10:00:00+09:00", endsAt: "2026-12-01T11:00:00+09:00", repeat: { freq: "WEEKLY", count }, timeZone: "Asia/Seoul" });
  }
  const at = (local: string) => new Date(`${local}+09:00`).toISOString();

  test("a series asks which occurrences a change is for; an occurrence the rule never placed is 404", async () => {
    const { client } = await signedInUser();
    const series = await weekly(client);
    const unscoped = await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { title: "?" } });
    assert.equal(unscoped.status, 400);
    assert.ok((await json<ErrorBody>(unscoped)).error.fields?.scope);
    assert.equal((await client.request(`/api/events/${series.id}`, { method: "DELETE" })).status, 400);
    const offRule = await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { title: "?", scope: "this", occurrenceStart: at("2026-12-02T10:00:00") } });
    assert.equal(offRule.status, 404);
    assert.equal((await client.request(`/api/events/${series.id}?scope=this&occurrenceStart=${encodeURIComponent(at("2026-12-01T10:30:00"))}`, { method: "DELETE" })).status, 404);
    assert.equal((await client.request(`/api/events/${series.id}?scope=sometimes`, { method: "DELETE" })).status, 400);
  });

  test("this event: one occurrence changes or goes, the others stay", async () => {
    const { client } = await signedInUser();
    const series = await weekly(client);
    const moved = await client.request(`/api/events/${series.id}`, {
      method: "PATCH",
      json: { scope: "this", occurrenceStart: at("2026-12-08T10:00:00"), title: "Makeup class", startsAt: at("2026-12-09T15:00:00"), endsAt: at("2026-12-09T16:00:00") },
    });
    assert.equal(moved.status, 200);
    const override = (await json<{ event: Occurrence }>(moved)).event;
    assert.notEqual(override.id, series.id);
    assert.equal(override.seriesId, series.id);
    assert.equal(override.occurrenceStart, at("2026-12-08T10:00:00"));
    assert.equal(override.repeat?.freq, "WEEKLY");

    const cancel = await client.request(`/api/events/${series.id}?scope=this&occurrenceStart=${encodeURIComponent(at("2026-12-15T10:00:00"))}`, { method: "DELETE" });
    assert.equal(cancel.status, 204);
    assert.equal((await client.request(`/api/events/${series.id}?scope=this&occurrenceStart=${encodeURIComponent(at("2026-12-15T10:00:00"))}`, { method: "DELETE" })).status, 404, "already cancelled");
    assert.deepEqual(seen(await list(client, ...DECEMBER)), ["2026-12-01 10:00 Class", "2026-12-09 15:00 Makeup class", "2026-12-22 10:00 Class", "2026-12-29 10:00 Class"]);

    // The override is a row of its own: edited again by its id, then deleted, which cancels that occurrence.
    assert.equal((await client.request(`/api/events/${override.id}`, { method: "PATCH", json: { title: "Makeup class (room 2)" } })).status, 200);
    assert.ok(seen(await list(client, ...DECEMBER)).includes("2026-12-09 15:00 Makeup class (room 2)"));
    assert.equal((await client.request(`/api/events/${override.id}`, { method: "DELETE" })).status, 204);
    assert.deepEqual(seen(await list(client, ...DECEMBER)), ["2026-12-01 10:00 Class", "2026-12-22 10:00 Class", "2026-12-29 10:00 Class"]);
    assert.deepEqual(
      (await stored(series.id)).exdates.map((date) => date.toISOString()),
      [at("2026-12-15T10:00:00"), at("2026-12-08T10:00:00")],
    );
  });

  test("two changes of the same occurrence at once make one override, every one answered", async () => {
    const { client } = await signedInUser();
    const series = await weekly(client);
    const occurrenceStart = at("2026-12-08T10:00:00");
    const answers = await Promise.all(
      ["Room 1", "Room 2", "Room 3", "Room 4"].map((location) => client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "this", occurrenceStart, location } })),
    );
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [200, 200, 200, 200],
    );
    const { rows } = await testDb().query<{ location: string | null }>(`SELECT location FROM "Event" WHERE "seriesId" = $1 AND "originalStartsAt" = $2`, [series.id, new Date(occurrenceStart)]);
    assert.equal(rows.length, 1);
    assert.match(rows[0]?.location ?? "", /^Room [1-4]$/);
    assert.deepEqual(seen(await list(client, ...DECEMBER)), ["2026-12-01 10:00 Class", "2026-12-08 10:00 Class", "2026-12-15 10:00 Class", "2026-12-22 10:00 Class", "2026-12-29 10:00 Class"]);
  });

  test("this and following: the series splits, earlier occurrences unchanged, later ones changed, COUNT shared out", async () => {
    const { client } = await signedInUser();
    const series = await weekly(client);
    await client.request(`/api/events/${series.id}?scope=this&occurrenceStart=${encodeURIComponent(at("2026-12-29T10:00:00"))}`, { method: "DELETE" });
    const response = await client.request(`/api/events/${series.id}`, {
      method: "PATCH",
      json: { scope: "following", occurrenceStart: at("2026-12-15T10:00:00"), title: "Class B", startsAt: at("2026-12-15T11:00:00"), endsAt: at("2026-12-15T12:30:00"), repeat: series.repeat },
    });
    assert.equal(response.status, 200);
    const split = (await json<{ event: Occurrence }>(response)).event;
    assert.notEqual(split.id, series.id);
    assert.equal(split.repeat?.count, 4, "six times in all: two before, four from here");
    const all = await list(client, "2026-11-30T15:00:00Z", "2027-01-31T15:00:00Z");
    assert.deepEqual(
      seen(all),
      ["2026-12-01 10:00 Class", "2026-12-08 10:00 Class", "2026-12-15 11:00 Class B", "2026-12-22 11:00 Class B", "2027-01-05 11:00 Class B"],
      "the cancelled 29 December stays cancelled",
    );
    assert.equal(all.find((event) => event.title === "Class B")?.endsAt, at("2026-12-15T12:30:00"));
    assert.equal((await stored(series.id)).recurrence, "FREQ=WEEKLY;BYDAY=TU;COUNT=2");
    assert.equal(all[0]?.repeat?.count, 2);
  });

  test("this and following on a series without an end ends the old one the day before", async () => {
    const { client } = await signedInUser();
    const series = await create(client, { title: "Run", startsAt: "2026-12-01T07:00:00+09:00", endsAt: "2026-12-01T08:00:00+09:00", repeat: { freq: "DAILY" }, timeZone: "Asia/Seoul" });
    const response = await client.request(`/api/events/${series.id}`, {
      method: "PATCH",
      json: { scope: "following", occurrenceStart: at("2026-12-04T07:00:00"), repeat: { freq: "DAILY", interval: 2 } },
    });
    assert.equal(response.status, 200);
    assert.equal((await stored(series.id)).recurrence, "FREQ=DAILY;UNTIL=20261203T145959Z");
    assert.deepEqual(
      seen(await list(client, "2026-11-30T15:00:00Z", "2026-12-09T15:00:00Z")).map((entry) => entry.slice(0, 10)),
      ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-06", "2026-12-08"],
    );
    // Deleting this and following from the new series' first occurrence deletes it whole.
    const split = (await json<{ event: Occurrence }>(response)).event;
    assert.equal((await client.request(`/api/events/${split.id}?scope=following&occurrenceStart=${encodeURIComponent(split.startsAt)}`, { method: "DELETE" })).status, 204);
    assert.equal((await list(client, "2026-11-30T15:00:00Z", "2026-12-09T15:00:00Z")).length, 3);
  });

  test("all events: moving the time moves every occurrence, and cancelled and changed ones move with it", async () => {
    const { client } = await signedInUser();
    const series = await weekly(client);
    await client.request(`/api/events/${series.id}?scope=this&occurrenceStart=${encodeURIComponent(at("2026-12-08T10:00:00"))}`, { method: "DELETE" });
    await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "this", occurrenceStart: at("2026-12-15T10:00:00"), location: "Gym" } });
    await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "this", occurrenceStart: at("2026-12-22T10:00:00"), title: "Party" } });
    const response = await client.request(`/api/events/${series.id}`, {
      method: "PATCH",
      json: { scope: "all", occurrenceStart: at("2026-12-29T10:00:00"), title: "Lesson", startsAt: at("2026-12-29T14:00:00"), endsAt: at("2026-12-29T15:00:00"), repeat: series.repeat },
    });
    assert.equal(response.status, 200);
    const december = await list(client, ...DECEMBER);
    assert.deepEqual(seen(december), ["2026-12-01 14:00 Lesson", "2026-12-15 14:00 Lesson", "2026-12-22 14:00 Party", "2026-12-29 14:00 Lesson"]);
    assert.equal(december.find((event) => event.startsAt === at("2026-12-15T14:00:00"))?.id === series.id, false, "the changed occurrence is still its own row");
    const { rows } = await testDb().query<{ location: string | null; originalStartsAt: Date }>(`SELECT location, "originalStartsAt" FROM "Event" WHERE "seriesId" = $1 ORDER BY "originalStartsAt"`, [
      series.id,
    ]);
    assert.deepEqual(
      rows.map((row) => [row.originalStartsAt.toISOString(), row.location]),
      [
        [at("2026-12-15T14:00:00"), "Gym"],
        [at("2026-12-22T14:00:00"), null],
      ],
    );

    // Changing how it repeats starts the series afresh.
    const daily = await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "all", occurrenceStart: at("2026-12-01T14:00:00"), repeat: { freq: "DAILY", count: 3 } } });
    assert.equal(daily.status, 200);
    assert.deepEqual(seen(await list(client, ...DECEMBER)), ["2026-12-01 14:00 Lesson", "2026-12-02 14:00 Lesson", "2026-12-03 14:00 Lesson"]);

    // No longer repeating: one event is left.
    const once = await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "all", occurrenceStart: at("2026-12-02T14:00:00"), repeat: null } });
    assert.equal(once.status, 200);
    const left = await list(client, ...DECEMBER);
    assert.deepEqual(seen(left), ["2026-12-02 14:00 Lesson"]);
    assert.equal(left[0]?.seriesId, null);
  });

  test("deleting all events deletes the series with its changed occurrences; a one-off event can be made to repeat", async () => {
    const { client } = await signedInUser();
    const series = await weekly(client);
    await client.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "this", occurrenceStart: at("2026-12-08T10:00:00"), title: "Moved" } });
    assert.equal((await client.request(`/api/events/${series.id}?scope=all`, { method: "DELETE" })).status, 204);
    assert.deepEqual(await list(client, ...DECEMBER), []);

    const single = await create(client, { title: "Once", startsAt: at("2026-12-03T09:00:00"), endsAt: at("2026-12-03T10:00:00") });
    assert.equal(single.seriesId, null);
    const made = await client.request(`/api/events/${single.id}`, { method: "PATCH", json: { repeat: { freq: "MONTHLY", monthlyBy: "weekday", count: 2 } } });
    assert.equal(made.status, 200);
    assert.deepEqual(seen(await list(client, "2026-11-30T15:00:00Z", "2027-01-31T15:00:00Z")), ["2026-12-03 09:00 Once", "2027-01-07 09:00 Once"], "the first Thursday");
  });
});

test("another user's series and occurrences are 404, with any scope, and stay unchanged", async () => {
  const alice = (await signedInUser()).client;
  const mallory = (await signedInUser()).client;
  const series = await create(alice, { title: "Alice", startsAt: "2026-12-01T10:00:00+09:00", endsAt: "2026-12-01T11:00:00+09:00", repeat: { freq: "WEEKLY" } });
  const second = new Date("2026-12-08T01:00:00Z").toISOString();
  const override = (await json<{ event: Occurrence }>(await alice.request(`/api/events/${series.id}`, { method: "PATCH", json: { scope: "this", occurrenceStart: second, title: "Alice moved" } })))
    .event;
  for (const id of [series.id, override.id]) {
    for (const scope of ["this", "following", "all"]) {
      const patch = await mallory.request(`/api/events/${id}`, { method: "PATCH", json: { scope, occurrenceStart: second, title: "pwned" } });
      assert.equal(patch.status, 404, `PATCH ${scope}`);
      const remove = await mallory.request(`/api/events/${id}?scope=${scope}&occurrenceStart=${encodeURIComponent(second)}`, { method: "DELETE" });
      assert.equal(remove.status, 404, `DELETE ${scope}`);
    }
  }
  assert.deepEqual(await list(mallory, ...DECEMBER), []);
  assert.deepEqual(seen(await list(alice, "2026-11-30T15:00:00Z", "2026-12-14T15:00:00Z")), ["2026-12-01 10:00 Alice", "2026-12-08 10:00 Alice moved"]);
});
