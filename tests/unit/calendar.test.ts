import assert from "node:assert/strict";
import { test } from "node:test";
import { addMonths, coversDate, eventDates, monthGrid, weekDays } from "@/lib/planner/calendar";
import { formatDate, instantToZoned, todayIn, zonedTimeToInstant } from "@/lib/planner/dates";

test("a month grid is whole weeks, starting on Sunday or Monday as the user prefers", () => {
  const sunday = monthGrid("2026-11-23", 0);
  assert.equal(sunday[0], "2026-11-01", "1 Nov 2026 is a Sunday");
  assert.equal(sunday.length % 7, 0);
  assert.equal(sunday.at(-1), "2026-12-05");
  const monday = monthGrid("2026-11-23", 1);
  assert.equal(monday[0], "2026-10-26");
  assert.equal(monday.at(-1), "2026-12-06");
  assert.deepEqual(weekDays("2026-11-25", 1), ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]);
});

test("month arithmetic clamps to the month's last day", () => {
  assert.equal(addMonths("2027-01-31", 1), "2027-02-28");
  assert.equal(addMonths("2026-12-15", 1), "2027-01-15");
  assert.equal(addMonths("2027-03-31", -1), "2027-02-28");
});

test("wall-clock times convert to instants and back, across zones and daylight saving", () => {
  assert.equal(zonedTimeToInstant("2027-05-30T09:00", "Asia/Seoul").toISOString(), "2027-05-30T00:00:00.000Z");
  assert.equal(zonedTimeToInstant("2027-07-01T09:00", "America/New_York").toISOString(), "2027-07-01T13:00:00.000Z");
  assert.equal(zonedTimeToInstant("2027-01-01T09:00", "America/New_York").toISOString(), "2027-01-01T14:00:00.000Z");
  // 14 March 2027, 03:30 New York: just after the spring-forward gap.
  assert.equal(zonedTimeToInstant("2027-03-14T03:30", "America/New_York").toISOString(), "2027-03-14T07:30:00.000Z");
  assert.deepEqual(instantToZoned(new Date("2027-05-29T15:30:00Z"), "Asia/Seoul"), { date: "2027-05-30", time: "00:30" });
  assert.equal(todayIn("Asia/Seoul", new Date("2027-05-29T15:30:00Z")), "2027-05-30");
  // Without a saved zone, the pages' own default (Korea), so the API's "overdue" matches the page.
  assert.equal(todayIn(null, new Date("2027-05-29T15:30:00Z")), "2027-05-30");
  assert.equal(todayIn("UTC", new Date("2027-05-29T15:30:00Z")), "2027-05-29");
});

test("an event covers its days where the user is; all-day events cover the same dates everywhere", () => {
  const lateNight = { startsAt: "2027-05-29T14:00:00Z", endsAt: "2027-05-29T16:00:00Z", allDay: false };
  assert.deepEqual(eventDates(lateNight, "UTC"), { first: "2027-05-29", last: "2027-05-29" });
  assert.deepEqual(eventDates(lateNight, "Asia/Seoul"), { first: "2027-05-29", last: "2027-05-30" });
  const untilMidnight = { startsAt: "2027-05-29T13:00:00Z", endsAt: "2027-05-29T15:00:00Z", allDay: false };
  assert.deepEqual(eventDates(untilMidnight, "Asia/Seoul"), { first: "2027-05-29", last: "2027-05-29" }, "ends at 00:00 Seoul");
  const holiday = { startsAt: "2027-05-05T00:00:00.000Z", endsAt: "2027-05-07T00:00:00.000Z", allDay: true };
  for (const zone of ["Asia/Seoul", "America/Los_Angeles", "UTC"]) {
    assert.deepEqual(eventDates(holiday, zone), { first: "2027-05-05", last: "2027-05-06" }, zone);
  }
  assert.equal(coversDate(holiday, "2027-05-06", "Asia/Seoul"), true);
  assert.equal(coversDate(holiday, "2027-05-07", "Asia/Seoul"), false);
});

test("a date in words is that date, not the day its midnight UTC falls on where the machine is", () => {
  assert.equal(formatDate("2026-11-01", "en-US", { dateStyle: "medium" }), "Nov 1, 2026");
  assert.equal(formatDate("2026-12-31", "en-US", { weekday: "long" }), "Thursday");
});
