import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarPlace, weekDays } from "@/lib/planner/calendar";
import { barsInRow, blocksOn, eventBars, isLong, selectedTimes, selectionOn, timeLabelOn } from "@/lib/planner/calendar-layout";

const week = weekDays("2026-12-14", 0); // Sun 13 … Sat 19 December 2026
const seoul = "Asia/Seoul";
const overnight = { id: "night", startsAt: "2026-12-14T11:00:00Z", endsAt: "2026-12-15T00:00:00Z", allDay: false }; // 20:00 → 09:00 KST
const trip = { id: "trip", startsAt: "2026-12-17T00:00:00.000Z", endsAt: "2026-12-21T00:00:00.000Z", allDay: true }; // Thu 17 – Sun 20

test("an overnight event is one bar over its two days, its time said once at each end", () => {
  const [bar] = eventBars([overnight], week, seoul);
  assert.deepEqual({ start: bar?.start, span: bar?.span, opens: bar?.opens, closes: bar?.closes }, { start: 1, span: 2, opens: true, closes: true });
  assert.equal(timeLabelOn(overnight, "2026-12-14", seoul), "20:00");
  assert.equal(timeLabelOn(overnight, "2026-12-15", seoul), "~09:00");
  // Far from Korea the same instants are one evening in Berlin: 12:00 → 01:00.
  assert.equal(timeLabelOn(overnight, "2026-12-14", "Europe/Berlin"), "12:00");
  assert.equal(timeLabelOn(overnight, "2026-12-15", "Europe/Berlin"), "~01:00");
});

test("a trip over a weekend is a bar to the end of its week and a bar from the start of the next", () => {
  const [thisWeek] = eventBars([trip], week, seoul);
  assert.deepEqual({ start: thisWeek?.start, span: thisWeek?.span, opens: thisWeek?.opens, closes: thisWeek?.closes }, { start: 4, span: 3, opens: true, closes: false });
  const [nextWeek] = eventBars([trip], weekDays("2026-12-20", 0), seoul);
  assert.deepEqual({ start: nextWeek?.start, span: nextWeek?.span, opens: nextWeek?.opens, closes: nextWeek?.closes }, { start: 0, span: 1, opens: false, closes: true });
  assert.equal(timeLabelOn(trip, "2026-12-18", seoul), "", "all-day events carry no time");
});

test("bars take the lowest free lane: a long one keeps its line, others fill in around it", () => {
  const day = (date: string) => ({ item: date, first: date, last: date });
  const bars = barsInRow([day("2026-12-15"), { item: "long", first: "2026-12-14", last: "2026-12-17" }, day("2026-12-14"), day("2026-12-18")], week);
  const lane = Object.fromEntries(bars.map((bar) => [bar.item, bar.lane]));
  assert.deepEqual(lane, { long: 0, "2026-12-14": 1, "2026-12-15": 1, "2026-12-18": 0 });
});

test("week blocks are as tall as the event, split at midnight, and overlapping ones share the width", () => {
  const meeting = { id: "a", startsAt: "2026-12-14T01:00:00Z", endsAt: "2026-12-14T02:30:00Z", allDay: false }; // 10:00–11:30
  const call = { id: "b", startsAt: "2026-12-14T02:00:00Z", endsAt: "2026-12-14T03:00:00Z", allDay: false }; // 11:00–12:00
  const lunch = { id: "c", startsAt: "2026-12-14T03:00:00Z", endsAt: "2026-12-14T04:00:00Z", allDay: false }; // 12:00–13:00
  const monday = blocksOn([meeting, call, lunch, overnight], "2026-12-14", seoul).map(({ item, top, bottom, column, columns }) => [item.id, top, bottom, column, columns]);
  assert.deepEqual(monday, [
    ["a", 600, 690, 0, 2],
    ["b", 660, 720, 1, 2],
    ["c", 720, 780, 0, 1],
    ["night", 1200, 1440, 0, 1],
  ]);
  assert.deepEqual(
    blocksOn([overnight], "2026-12-15", seoul).map(({ top, bottom }) => [top, bottom]),
    [[0, 540]],
  );
  assert.equal(isLong(overnight), false, "13 hours stay in the hours");
  assert.equal(isLong({ startsAt: "2026-12-14T00:00:00Z", endsAt: "2026-12-15T00:00:00Z", allDay: false }), true, "a day or more goes to the all-day row");
});

test("the calendar's place comes from the URL, and anything odd there falls back instead of failing", () => {
  assert.deepEqual(calendarPlace("week", "2026-12-14"), { view: "week", date: "2026-12-14" });
  assert.deepEqual(calendarPlace(null, null), { view: "month", date: null });
  for (const date of ["2026-02-30", "2026-13-01", "2026-12-32", "26-12-14", "2026-12-14T00:00", "9999-01-01", ""]) assert.equal(calendarPlace("month", date).date, null, date);
  assert.equal(calendarPlace("year", "2026-12-14").view, "month");
});

test("a drag over the hours selects the quarter-hours it touches, either way round and over midnight", () => {
  const ten = { date: "2027-03-08", minutes: 10 * 60 + 4 };
  const past11 = { date: "2027-03-08", minutes: 11 * 60 + 20 };
  const expected = { start: { date: "2027-03-08", minutes: 600 }, end: { date: "2027-03-08", minutes: 690 } };
  assert.deepEqual(selectedTimes(ten, past11), expected);
  assert.deepEqual(selectedTimes(past11, ten), expected, "dragged upwards");
  assert.deepEqual(selectedTimes(ten, ten), { start: { date: "2027-03-08", minutes: 600 }, end: { date: "2027-03-08", minutes: 615 } }, "at least a quarter-hour");
  // Monday 22:10 to Tuesday 01:50: three days' columns are drawn only where it lies.
  const night = selectedTimes({ date: "2027-03-08", minutes: 22 * 60 + 10 }, { date: "2027-03-09", minutes: 60 + 50 });
  assert.deepEqual(night, { start: { date: "2027-03-08", minutes: 1320 }, end: { date: "2027-03-09", minutes: 120 } });
  assert.deepEqual(selectionOn(night, "2027-03-08"), { top: 1320, bottom: 1440 });
  assert.deepEqual(selectionOn(night, "2027-03-09"), { top: 0, bottom: 120 });
  assert.equal(selectionOn(night, "2027-03-10"), null);
  // Ending at midnight draws nothing on the next day.
  const toMidnight = selectedTimes({ date: "2027-03-08", minutes: 23 * 60 }, { date: "2027-03-08", minutes: 24 * 60 });
  assert.deepEqual(toMidnight.end, { date: "2027-03-09", minutes: 0 });
  assert.equal(selectionOn(toMidnight, "2027-03-09"), null);
});
