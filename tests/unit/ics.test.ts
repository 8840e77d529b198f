import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { zonedTimeToInstant } from "@/lib/planner/dates";
import { escapeText, foldLine, instantOf, readCalendar, repeatFromRule, writeCalendar, type CalendarEvent } from "@/lib/planner/ics";

const octets = (line: string) => Buffer.byteLength(line, "utf8");
const STAMP = new Date("2026-12-01T00:00:00Z");

function event(fields: Partial<CalendarEvent>): CalendarEvent {
  return {
    uid: "x@tropical",
    title: "회의",
    description: null,
    location: null,
    color: "TEAL",
    startsAt: new Date("2026-12-07T01:00:00Z"),
    endsAt: new Date("2026-12-07T02:00:00Z"),
    allDay: false,
    stamp: STAMP,
    ...fields,
  };
}

// The unfolded content lines of a written calendar.
function lines(text: string): string[] {
  return text.replace(/\r\n /g, "").split("\r\n");
}

describe("writing iCalendar text", () => {
  test("text values escape backslash, semicolon, comma and line breaks, and read back the same", () => {
    const title = "a\\b; c, d\ne\r\nf";
    assert.equal(escapeText(title), "a\\\\b\\; c\\, d\\ne\\nf");
    const [read] = readCalendar(writeCalendar([event({ title, description: "줄1\n줄2", location: "서울, 강남" })], { name: "TropiCal" }));
    assert.equal(read?.title, "a\\b; c, d\ne\nf");
    assert.equal(read?.description, "줄1\n줄2");
    assert.equal(read?.location, "서울, 강남");
  });

  test("lines fold at 75 octets without splitting a Korean character or an emoji, and unfold to the original", () => {
    for (const prefix of ["SUMMARY:", "SUMMARY:a", "SUMMARY:ab"]) {
      const line = `${prefix}${"가나다라마바사아자차카타파하".repeat(6)}🌴끝`;
      const folded = foldLine(line);
      const parts = folded.split("\r\n");
      assert.ok(parts.length > 1);
      for (const part of parts) assert.ok(octets(part) <= 75, `${octets(part)} octets: ${part}`);
      assert.ok(parts.slice(1).every((part) => part.startsWith(" ")));
      // Each piece is whole UTF-8: re-encoding it gives the same bytes, with no replacement characters.
      for (const part of parts) assert.ok(!part.includes("\uFFFD") && !/[\uD800-\uDBFF]$/.test(part));
      assert.equal(folded.replace(/\r\n /g, ""), line);
    }
    // Exactly 75 octets stays on one line; one more folds.
    assert.equal(foldLine("X".repeat(75)), "X".repeat(75));
    assert.equal(foldLine("X".repeat(76)), `${"X".repeat(75)}\r\n X`);
    // 8 ASCII octets + 22 three-octet characters = 74; the 23rd would make 77, so it starts the next line.
    const korean = `SUMMARY:${"한".repeat(23)}`;
    assert.deepEqual(foldLine(korean).split("\r\n"), [`SUMMARY:${"한".repeat(22)}`, " 한"]);
  });

  test("a calendar has its header, CRLF line ends, UTC times for one-off events and DATE values for all-day ones", () => {
    const text = writeCalendar([event({ uid: "one@tropical" }), event({ uid: "day@tropical", allDay: true, startsAt: new Date("2026-12-25T00:00:00Z"), endsAt: new Date("2026-12-26T00:00:00Z") })], {
      name: "TropiCal",
      refreshHours: 1,
    });
    assert.ok(text.endsWith("\r\n") && !/[^\r]\n/.test(text));
    const all = lines(text);
    for (const expected of ["BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN", "X-WR-CALNAME:TropiCal", "REFRESH-INTERVAL;VALUE=DURATION:PT1H", "END:VCALENDAR"])
      assert.ok(all.includes(expected), expected);
    assert.ok(all.some((line) => line.startsWith("PRODID:")));
    assert.ok(all.includes("DTSTART:20261207T010000Z") && all.includes("DTEND:20261207T020000Z"));
    assert.ok(all.includes("DTSTAMP:20261201T000000Z"));
    assert.ok(all.includes("DTSTART;VALUE=DATE:20261225") && all.includes("DTEND;VALUE=DATE:20261226"));
  });

  test("a series is written on its zone's wall clock with its RRULE and EXDATEs; an override carries RECURRENCE-ID", () => {
    const startsAt = zonedTimeToInstant("2027-03-01T09:00", "America/New_York");
    const cancelled = zonedTimeToInstant("2027-03-15T09:00", "America/New_York");
    const text = writeCalendar(
      [
        event({ uid: "s@tropical", startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000), series: { timeZone: "America/New_York", recurrence: "FREQ=WEEKLY;BYDAY=MO", exdates: [cancelled] } }),
        event({
          uid: "s@tropical",
          startsAt: zonedTimeToInstant("2027-03-22T10:00", "America/New_York"),
          endsAt: zonedTimeToInstant("2027-03-22T10:15", "America/New_York"),
          override: { timeZone: "America/New_York", allDay: false, originalStart: zonedTimeToInstant("2027-03-22T09:00", "America/New_York") },
        }),
      ],
      { name: "TropiCal" },
    );
    const all = lines(text);
    // 15 March is after the DST change: still 09:00 on the wall clock.
    for (const expected of [
      "DTSTART;TZID=America/New_York:20270301T090000",
      "DTEND;TZID=America/New_York:20270301T091500",
      "RRULE:FREQ=WEEKLY;BYDAY=MO",
      "EXDATE;TZID=America/New_York:20270315T090000",
      "RECURRENCE-ID;TZID=America/New_York:20270322T090000",
      "DTSTART;TZID=America/New_York:20270322T100000",
    ])
      assert.ok(all.includes(expected), expected);
    const [series, override] = readCalendar(text);
    assert.ok(series && override);
    assert.equal(instantOf(series.start, "Asia/Seoul").toISOString(), startsAt.toISOString());
    assert.equal(instantOf(series.exdates[0] ?? series.start, "Asia/Seoul").toISOString(), cancelled.toISOString());
    assert.equal(series.rrule, "FREQ=WEEKLY;BYDAY=MO");
    assert.equal(instantOf(override.recurrenceId ?? override.start, "Asia/Seoul").toISOString(), "2027-03-22T13:00:00.000Z");
  });

  test("a lunar yearly rule keeps RSCALE and the leap month's L through a write and a read", () => {
    const rule = "RSCALE=DANGI;FREQ=YEARLY;BYMONTH=6L;BYMONTHDAY=30;SKIP=BACKWARD";
    const [read] = readCalendar(writeCalendar([event({ series: { timeZone: "Asia/Seoul", recurrence: rule, exdates: [] } })], { name: "TropiCal" }));
    assert.equal(read?.rrule, rule);
  });
});

describe("reading iCalendar text", () => {
  test("text that is not a VCALENDAR is refused", () => {
    assert.throws(() => readCalendar("hello"));
    assert.throws(() => readCalendar("BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n"));
  });

  test("floating times are read on the reader's clock, TZIDs on their own, unknown TZIDs on the reader's", () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:test",
      "BEGIN:VEVENT",
      "UID:a",
      "DTSTART:20261207T090000",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:b",
      "DTSTART;TZID=Europe/Berlin:20261207T090000",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:c",
      "DTSTART;TZID=Korea Standard Time:20261207T090000",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    const [floating, berlin, windows] = readCalendar(text);
    assert.ok(floating && berlin && windows);
    assert.equal(instantOf(floating.start, "Asia/Seoul").toISOString(), "2026-12-07T00:00:00.000Z");
    assert.equal(instantOf(berlin.start, "Asia/Seoul").toISOString(), "2026-12-07T08:00:00.000Z");
    assert.equal(instantOf(windows.start, "Asia/Seoul").toISOString(), "2026-12-07T00:00:00.000Z");
  });
});

describe("which RRULEs TropiCal can keep", () => {
  const monday = { startsAt: zonedTimeToInstant("2026-12-07T10:00", "Asia/Seoul"), allDay: false, timeZone: "Asia/Seoul" };

  test("daily, weekly, monthly by date or weekday, yearly and lunar rules with INTERVAL, COUNT or UNTIL", () => {
    assert.deepEqual(repeatFromRule("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10", monday), {
      freq: "WEEKLY",
      interval: 2,
      byWeekday: ["MO", "WE"],
      monthlyBy: "date",
      lunar: false,
      until: null,
      count: 10,
    });
    assert.equal(repeatFromRule("FREQ=DAILY;UNTIL=20261231T145959Z", monday)?.until, "2026-12-31");
    assert.equal(repeatFromRule("FREQ=MONTHLY;BYDAY=1MO", monday)?.monthlyBy, "weekday");
    assert.equal(repeatFromRule("FREQ=MONTHLY;BYMONTHDAY=7", monday)?.monthlyBy, "date");
    assert.equal(repeatFromRule("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=7", monday)?.freq, "YEARLY");
    // 2026-12-07 is the 29th of the 10th lunar month.
    assert.equal(repeatFromRule("RSCALE=DANGI;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29;SKIP=BACKWARD", monday)?.lunar, true);
  });

  test("rules TropiCal would repeat differently are refused", () => {
    for (const rule of [
      "FREQ=HOURLY",
      "FREQ=WEEKLY;BYDAY=1MO",
      "FREQ=MONTHLY;BYDAY=MO,TU",
      "FREQ=MONTHLY;BYDAY=2MO",
      "FREQ=MONTHLY;BYMONTHDAY=15",
      "FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO",
      "FREQ=YEARLY;BYMONTH=1",
      "FREQ=DAILY;COUNT=3;UNTIL=20270101",
      "FREQ=DAILY;COUNT=0",
      "FREQ=DAILY;INTERVAL=100",
      "FREQ=DAILY;UNTIL=20261201",
      "RSCALE=CHINESE;FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=28;SKIP=BACKWARD",
      "RSCALE=DANGI;FREQ=YEARLY;BYMONTH=10L;BYMONTHDAY=28;SKIP=BACKWARD",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=SU",
      "FREQ=DAILY;FREQ=WEEKLY",
    ])
      assert.equal(repeatFromRule(rule, monday), null, rule);
  });
});
