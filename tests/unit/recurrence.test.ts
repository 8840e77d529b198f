import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as gazette from "@hyunbinseo/holidays-kr/all";
import { addDays, instantToZoned, zonedTimeToInstant } from "@/lib/planner/dates";
import { fromLunar, toLunar } from "@/lib/planner/lunar";
import { buildRule, expandSeries, occurrenceAt, occurrencesBefore, occurrenceTest, parseRule, type Series } from "@/lib/planner/recurrence";
import type { Repeat } from "@/lib/planner/types";

const NEVER: Repeat = { freq: "DAILY", interval: 1, byWeekday: [], monthlyBy: "date", lunar: false, until: null, count: null };

// A timed series from a wall-clock start in `timeZone`, lasting `minutes`, stored as the server does.
function timed(local: string, timeZone: string, repeat: Partial<Repeat>, minutes = 60, exdates: Date[] = []): Series {
  const startsAt = zonedTimeToInstant(local, timeZone);
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const recurrence = buildRule({ ...NEVER, ...repeat }, { startsAt, allDay: false, timeZone });
  assert.ok(recurrence);
  return { startsAt, endsAt, allDay: false, timeZone, recurrence, exdates };
}

function allDay(date: string, repeat: Partial<Repeat>, days = 1): Series {
  const startsAt = new Date(`${date}T00:00:00.000Z`);
  const endsAt = new Date(`${addDays(date, days)}T00:00:00.000Z`);
  const recurrence = buildRule({ ...NEVER, ...repeat }, { startsAt, allDay: true, timeZone: "Asia/Seoul" });
  assert.ok(recurrence);
  return { startsAt, endsAt, allDay: true, timeZone: "Asia/Seoul", recurrence, exdates: [] };
}

const range = (from: string, to: string) => [new Date(from), new Date(to)] as const;

// Each occurrence as its wall clock in `timeZone`: "YYYY-MM-DD HH:mm".
function wall(series: Series, from: string, to: string, timeZone = series.timeZone, skip: Date[] = []): string[] {
  return expandSeries(series, ...range(from, to), { skip }).map(({ start }) => {
    const { date, time } = instantToZoned(start, timeZone);
    return `${date} ${time}`;
  });
}

function dates(series: Series, from: string, to: string): string[] {
  return expandSeries(series, ...range(from, to)).map(({ start }) => start.toISOString().slice(0, 10));
}

describe("Gregorian rules", () => {
  test("weekly on Monday and Wednesday in Seoul, stored as an RRULE", () => {
    const series = timed("2026-12-07T10:00", "Asia/Seoul", { freq: "WEEKLY", byWeekday: ["WE", "MO"] });
    assert.equal(series.recurrence, "FREQ=WEEKLY;BYDAY=MO,WE");
    assert.deepEqual(wall(series, "2026-12-01T00:00:00Z", "2026-12-20T00:00:00Z"), ["2026-12-07 10:00", "2026-12-09 10:00", "2026-12-14 10:00", "2026-12-16 10:00"]);
    const [first] = expandSeries(series, ...range("2026-12-01T00:00:00Z", "2026-12-08T00:00:00Z"));
    assert.equal(first?.start.toISOString(), "2026-12-07T01:00:00.000Z");
    assert.equal(first?.end.toISOString(), "2026-12-07T02:00:00.000Z");
  });

  test("09:00 weekly in New York stays 09:00 across the March and November DST changes", () => {
    const series = timed("2027-03-01T09:00", "America/New_York", { freq: "WEEKLY" });
    const march = expandSeries(series, ...range("2027-03-01T00:00:00Z", "2027-03-23T00:00:00Z"));
    assert.deepEqual(
      march.map(({ start }) => start.toISOString()),
      ["2027-03-01T14:00:00.000Z", "2027-03-08T14:00:00.000Z", "2027-03-15T13:00:00.000Z", "2027-03-22T13:00:00.000Z"],
      "EST is UTC−5, EDT (from 14 March 2027) UTC−4",
    );
    assert.deepEqual(wall(series, "2027-10-25T00:00:00Z", "2027-11-16T00:00:00Z"), ["2027-10-25 09:00", "2027-11-01 09:00", "2027-11-08 09:00", "2027-11-15 09:00"]);
    const november = expandSeries(series, ...range("2027-11-01T00:00:00Z", "2027-11-09T00:00:00Z"));
    assert.deepEqual(
      november.map(({ start, end }) => [start.toISOString(), end.toISOString()]),
      [
        ["2027-11-01T13:00:00.000Z", "2027-11-01T14:00:00.000Z"],
        ["2027-11-08T14:00:00.000Z", "2027-11-08T15:00:00.000Z"],
      ],
    );
    assert.deepEqual(wall(series, "2027-11-01T00:00:00Z", "2027-11-09T00:00:00Z", "Asia/Seoul"), ["2027-11-01 22:00", "2027-11-08 23:00"], "a reader in Seoul sees the New York hour move");
  });

  test("monthly on the 31st skips the months without one (RFC 5545), and every 2 months counts from the start", () => {
    const series = timed("2027-01-31T19:00", "Asia/Seoul", { freq: "MONTHLY" });
    assert.equal(series.recurrence, "FREQ=MONTHLY");
    assert.deepEqual(dates(series, "2027-01-01T00:00:00Z", "2027-09-01T00:00:00Z"), ["2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-08-31"]);
    const everyOther = timed("2027-01-15T09:00", "Asia/Seoul", { freq: "MONTHLY", interval: 2 });
    assert.deepEqual(dates(everyOther, "2027-01-01T00:00:00Z", "2027-08-01T00:00:00Z"), ["2027-01-15", "2027-03-15", "2027-05-15", "2027-07-15"]);
  });

  test("monthly on the second Tuesday, and on the last one for a start on the fifth", () => {
    const second = timed("2026-12-08T19:00", "Asia/Seoul", { freq: "MONTHLY", monthlyBy: "weekday" });
    assert.equal(second.recurrence, "FREQ=MONTHLY;BYDAY=2TU");
    assert.deepEqual(dates(second, "2026-12-01T00:00:00Z", "2027-04-01T00:00:00Z"), ["2026-12-08", "2027-01-12", "2027-02-09", "2027-03-09"]);
    const last = timed("2026-12-29T19:00", "Asia/Seoul", { freq: "MONTHLY", monthlyBy: "weekday" });
    assert.equal(last.recurrence, "FREQ=MONTHLY;BYDAY=-1TU");
    assert.deepEqual(dates(last, "2026-12-01T00:00:00Z", "2027-04-01T00:00:00Z"), ["2026-12-29", "2027-01-26", "2027-02-23", "2027-03-30"]);
  });

  test("yearly on 29 February falls only in leap years", () => {
    const series = allDay("2028-02-29", { freq: "YEARLY" });
    assert.deepEqual(dates(series, "2028-01-01T00:00:00Z", "2033-01-01T00:00:00Z"), ["2028-02-29", "2032-02-29"]);
  });

  test("COUNT ends after N times and UNTIL on the last date in the series' zone", () => {
    const counted = timed("2026-12-07T10:00", "Asia/Seoul", { freq: "DAILY", count: 3 });
    assert.equal(counted.recurrence, "FREQ=DAILY;COUNT=3");
    assert.deepEqual(dates(counted, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"), ["2026-12-07", "2026-12-08", "2026-12-09"]);
    // 23:30 in Seoul is the same UTC date's 14:30: UNTIL must allow the whole local day.
    const until = timed("2026-12-07T23:30", "Asia/Seoul", { freq: "DAILY", until: "2026-12-09" });
    assert.equal(until.recurrence, "FREQ=DAILY;UNTIL=20261209T145959Z");
    assert.deepEqual(wall(until, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"), ["2026-12-07 23:30", "2026-12-08 23:30", "2026-12-09 23:30"]);
    const allDayUntil = allDay("2026-12-07", { freq: "DAILY", until: "2026-12-09" });
    assert.equal(allDayUntil.recurrence, "FREQ=DAILY;UNTIL=20261209");
    assert.deepEqual(dates(allDayUntil, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"), ["2026-12-07", "2026-12-08", "2026-12-09"]);
  });

  test("a weekly rule whose days leave out the start still has the start as its first occurrence, which counts", () => {
    const series = timed("2026-12-07T10:00", "Asia/Seoul", { freq: "WEEKLY", byWeekday: ["TU"], count: 3 });
    assert.deepEqual(dates(series, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z").length, 3);
    assert.deepEqual(wall(series, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z"), ["2026-12-07 10:00", "2026-12-08 10:00", "2026-12-15 10:00"]);
  });

  test("cancelled occurrences (EXDATE) and overridden ones (skip) are left out; COUNT still counts them", () => {
    const base = timed("2026-12-07T10:00", "Asia/Seoul", { freq: "DAILY", count: 5 });
    const cancelled = zonedTimeToInstant("2026-12-08T10:00", "Asia/Seoul");
    const moved = zonedTimeToInstant("2026-12-10T10:00", "Asia/Seoul");
    const series = { ...base, exdates: [cancelled] };
    assert.deepEqual(wall(series, "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z", "Asia/Seoul", [moved]), ["2026-12-07 10:00", "2026-12-09 10:00", "2026-12-11 10:00"]);
    assert.equal(occurrencesBefore(series, moved), 3);
  });

  test("a series begun long ago lands on the same days when read today", () => {
    const series = timed("2000-01-01T08:00", "Asia/Seoul", { freq: "DAILY", interval: 3 });
    const found = wall(series, "2026-12-01T00:00:00Z", "2026-12-15T00:00:00Z").map((reading) => reading.slice(0, 10));
    assert.ok(found.length >= 4);
    for (const date of found) assert.equal(((Date.parse(date) - Date.parse("2000-01-01")) / 86_400_000) % 3, 0, date);
    const monthly = timed("2001-01-31T08:00", "Asia/Seoul", { freq: "MONTHLY" });
    assert.deepEqual(dates(monthly, "2027-01-01T00:00:00Z", "2027-06-01T00:00:00Z"), ["2027-01-30", "2027-03-30", "2027-05-30"], "08:00 in Seoul is the previous UTC day");
    assert.deepEqual(wall(monthly, "2027-01-01T00:00:00Z", "2027-06-01T00:00:00Z"), ["2027-01-31 08:00", "2027-03-31 08:00", "2027-05-31 08:00"]);
  });

  test("an occurrence overlapping the range's start is listed, one ending at it is not", () => {
    const series = timed("2026-12-07T23:00", "Asia/Seoul", { freq: "DAILY" }, 120);
    assert.deepEqual(wall(series, "2026-12-08T15:30:00Z", "2026-12-08T15:40:00Z"), ["2026-12-08 23:00"], "23:00–01:00 covers 00:30 of the next day");
    assert.deepEqual(wall(series, "2026-12-08T16:00:00Z", "2026-12-08T16:10:00Z"), []);
  });
});

describe("lunar yearly rules (음력, KASI)", () => {
  test("음력 1월 1일 falls on 설날: 2025-01-29, 2026-02-17, 2027-02-07", () => {
    const series = allDay("2025-01-29", { freq: "YEARLY", lunar: true });
    assert.equal(series.recurrence, "RSCALE=DANGI;FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1;SKIP=BACKWARD");
    assert.deepEqual(dates(series, "2025-01-01T00:00:00Z", "2028-01-01T00:00:00Z"), ["2025-01-29", "2026-02-17", "2027-02-07"]);
  });

  test("every 설날 and 추석 in the government's gazette (2018–2027) is where the lunar rule puts 1/1 and 8/15", () => {
    const named = (name: string) =>
      Object.values(gazette)
        .flatMap((year) => Object.entries(year))
        .filter(([, names]) => (names as readonly string[]).includes(name))
        .map(([date]) => date)
        .sort();
    const seollal = allDay("2018-02-16", { freq: "YEARLY", lunar: true });
    const chuseok = allDay("2018-09-24", { freq: "YEARLY", lunar: true });
    assert.equal(named("설날").length, 10);
    assert.deepEqual(dates(seollal, "2018-01-01T00:00:00Z", "2028-01-01T00:00:00Z"), named("설날"));
    assert.deepEqual(dates(chuseok, "2018-01-01T00:00:00Z", "2028-01-01T00:00:00Z"), named("추석"));
  });

  test("a timed lunar birthday keeps its hour in its zone", () => {
    const series = timed("2026-09-25T18:00", "Asia/Seoul", { freq: "YEARLY", lunar: true });
    assert.equal(series.recurrence, "RSCALE=DANGI;FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=15;SKIP=BACKWARD", "2026-09-25 is 추석, 음력 8월 15일");
    const found = wall(series, "2026-01-01T00:00:00Z", "2029-01-01T00:00:00Z");
    assert.equal(found.length, 3);
    for (const reading of found) {
      assert.equal(reading.slice(11), "18:00");
      assert.deepEqual(toLunar(reading.slice(0, 10)), { year: Number(reading.slice(0, 4)), month: 8, day: 15, leap: false });
    }
  });

  test("the 30th of a month that has 29 days this year falls on the 29th", () => {
    const start = "2025-02-27";
    assert.deepEqual(toLunar(start), { year: 2025, month: 1, day: 30, leap: false });
    const series = allDay(start, { freq: "YEARLY", lunar: true });
    const found = dates(series, "2025-01-01T00:00:00Z", "2036-01-01T00:00:00Z");
    assert.equal(found.length, 11, "once a year");
    const days = found.map((date) => toLunar(date));
    for (const lunar of days) assert.ok(lunar?.month === 1 && !lunar.leap && (lunar.day === 30 || lunar.day === 29), JSON.stringify(lunar));
    assert.ok(
      days.some((lunar) => lunar?.day === 29),
      "some year's first month is short",
    );
    for (const lunar of days) if (lunar?.day === 29) assert.equal(fromLunar(lunar.year, 1, 30, false), found[days.indexOf(lunar)], "only where the 30th does not exist");
  });

  test("a leap-month date falls in the regular month in years without that leap month, and a regular date never twice", () => {
    const start = "2025-07-25";
    assert.deepEqual(toLunar(start), { year: 2025, month: 6, day: 1, leap: true }, "2025 has a leap sixth month");
    const leapSeries = allDay(start, { freq: "YEARLY", lunar: true });
    assert.match(leapSeries.recurrence, /BYMONTH=6L;/);
    const [, next] = dates(leapSeries, "2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
    assert.deepEqual(next && toLunar(next), { year: 2026, month: 6, day: 1, leap: false });
    const regular = allDay("2024-07-06", { freq: "YEARLY", lunar: true });
    assert.deepEqual(toLunar("2024-07-06"), { year: 2024, month: 6, day: 1, leap: false });
    const in2025 = dates(regular, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
    assert.equal(in2025.length, 1);
    assert.deepEqual(in2025[0] && toLunar(in2025[0]), { year: 2025, month: 6, day: 1, leap: false });
  });

  test("past KASI's tables (lunar 2050) a lunar series has no more occurrences", () => {
    const series = allDay("2048-02-14", { freq: "YEARLY", lunar: true });
    assert.deepEqual(dates(series, "2050-06-01T00:00:00Z", "2052-12-31T00:00:00Z"), []);
    assert.equal(buildRule({ ...NEVER, freq: "YEARLY", lunar: true }, { startsAt: new Date("2051-03-01T00:00:00Z"), allDay: true, timeZone: "UTC" }), null);
  });
});

test("a stored rule reads back as the Repeat it was built from", () => {
  const cases: [Partial<Repeat>, boolean][] = [
    [{ freq: "WEEKLY", interval: 2, byWeekday: ["MO", "FR"], until: "2027-03-31" }, false],
    [{ freq: "MONTHLY", monthlyBy: "weekday", count: 12 }, false],
    [{ freq: "YEARLY", lunar: true, until: "2040-01-01" }, true],
    [{ freq: "DAILY", until: "2027-01-05" }, true],
  ];
  for (const [repeat, isAllDay] of cases) {
    const startsAt = isAllDay ? new Date("2026-12-07T00:00:00Z") : zonedTimeToInstant("2026-12-07T23:30", "America/New_York");
    const rule = buildRule({ ...NEVER, ...repeat }, { startsAt, allDay: isAllDay, timeZone: "America/New_York" });
    assert.ok(rule);
    assert.deepEqual(parseRule(rule, { allDay: isAllDay, timeZone: "America/New_York" }), { ...NEVER, ...repeat }, rule);
  }
});

// An import asks one series about hundreds of starts; its test must answer as occurrenceAt does.
test("a series' occurrence test answers as occurrenceAt for its starts, their neighbours, and starts past its end", () => {
  const HOUR = 3_600_000;
  const series: Series[] = [
    // Through two DST changes, one start cancelled before the test is made and one after.
    {
      startsAt: new Date("2026-03-01T07:30:00Z"),
      endsAt: new Date("2026-03-01T08:30:00Z"),
      allDay: false,
      timeZone: "America/New_York",
      recurrence: "FREQ=DAILY;COUNT=300",
      exdates: [new Date("2026-03-03T07:30:00Z")],
    },
    { startsAt: new Date("2026-01-31T00:00:00Z"), endsAt: new Date("2026-01-31T01:00:00Z"), allDay: false, timeZone: "Asia/Seoul", recurrence: "FREQ=MONTHLY;INTERVAL=7;COUNT=40", exdates: [] },
    {
      startsAt: new Date("2026-12-07T00:00:00Z"),
      endsAt: new Date("2026-12-08T00:00:00Z"),
      allDay: true,
      timeZone: "Asia/Seoul",
      recurrence: "FREQ=YEARLY;RSCALE=DANGI;BYMONTH=10;BYMONTHDAY=29;COUNT=20",
      exdates: [],
    },
    {
      startsAt: new Date("2026-12-01T01:00:00Z"),
      endsAt: new Date("2026-12-01T02:00:00Z"),
      allDay: false,
      timeZone: "Asia/Seoul",
      recurrence: "FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270301T145959Z",
      exdates: [],
    },
    // One occurrence ends in the spring-forward gap (02:15 on 2026-03-08 does not exist in New York).
    { startsAt: new Date("2026-03-01T06:45:00Z"), endsAt: new Date("2026-03-01T07:15:00Z"), allDay: false, timeZone: "America/New_York", recurrence: "FREQ=DAILY;COUNT=30", exdates: [] },
    // A first start on a Tuesday that the rule (Mondays) would skip: RFC 5545 still counts it.
    { startsAt: new Date("2026-12-01T01:00:00Z"), endsAt: new Date("2026-12-01T02:00:00Z"), allDay: false, timeZone: "Asia/Seoul", recurrence: "FREQ=WEEKLY;BYDAY=MO;COUNT=10", exdates: [] },
  ];
  for (const one of series) {
    const exdates = [...one.exdates];
    const shape = { ...one, exdates };
    const isOccurrence = occurrenceTest(shape);
    const starts = expandSeries({ ...one, exdates: [] }, new Date(one.startsAt.getTime() - 1), new Date("2100-01-01T00:00:00Z")).map((occurrence) => occurrence.start.getTime());
    exdates.push(new Date(starts[5]!));
    const last = starts.at(-1)!;
    const probes = [...starts.flatMap((start) => [start - HOUR, start, start + HOUR]), last + 86_400_000, last + 400 * 86_400_000];
    const answers = probes.map((at) => isOccurrence(new Date(at)));
    assert.deepEqual(
      answers,
      probes.map((at) => occurrenceAt(shape, new Date(at)) !== null),
      one.recurrence,
    );
    // Not the same for both by always saying no.
    assert.ok(answers.filter(Boolean).length >= starts.length - 2 - one.exdates.length, one.recurrence);
  }
});
