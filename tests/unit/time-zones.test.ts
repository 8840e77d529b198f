import assert from "node:assert/strict";
import { test } from "node:test";
import { matchesTimeZone, timeZoneOption, timeZoneOptions } from "@/lib/planner/time-zones";

// A winter and a summer day in the northern hemisphere: offsets are the ones in force then.
const JANUARY = new Date("2027-01-15T12:00:00Z");
const JULY = new Date("2027-07-15T12:00:00Z");

test("zones are named by city in the page's language, with the offset in force", () => {
  assert.equal(timeZoneOption("Asia/Seoul", "ko", JANUARY).label, "서울 (GMT+9)");
  assert.equal(timeZoneOption("Asia/Seoul", "en", JANUARY).label, "Seoul (GMT+9)");
  assert.equal(timeZoneOption("America/New_York", "ko", JANUARY).label, "뉴욕 (GMT-5)");
  assert.equal(timeZoneOption("America/New_York", "ko", JULY).label, "뉴욕 (GMT-4)");
  assert.equal(timeZoneOption("Europe/London", "en", JANUARY).label, "London (GMT+0)");
  assert.equal(timeZoneOption("Asia/Kolkata", "en", JANUARY).label, "Kolkata (GMT+5:30)");
  // The older spellings browsers list carry the Korean name too; others fall back to the IANA city.
  assert.equal(timeZoneOption("Asia/Calcutta", "ko", JANUARY).label, "콜카타 (GMT+5:30)");
  assert.equal(timeZoneOption("America/Argentina/Buenos_Aires", "ko", JANUARY).label, "부에노스아이레스 (GMT-3)");
  assert.equal(timeZoneOption("Pacific/Port_Moresby", "ko", JANUARY).label, "Port Moresby (GMT+10)");
});

test("a zone is found by its Korean or English city, its id, or its offset; an offset alone finds no neighbours", () => {
  const seoul = timeZoneOption("Asia/Seoul", "en", JANUARY);
  for (const query of ["서울", "seoul", "SEOUL", "asia/seoul", "Asia/", "GMT+9", "gmt+9", "UTC+9", ""]) assert.ok(matchesTimeZone(seoul, query), query);
  for (const query of ["도쿄", "GMT+1", "GMT+9:30", "GMT-9"]) assert.ok(!matchesTimeZone(seoul, query), query);
  const newYork = timeZoneOption("America/New_York", "ko", JANUARY);
  for (const query of ["뉴욕", "new york", "new_york", "New_Y", "GMT-5"]) assert.ok(matchesTimeZone(newYork, query), query);
  assert.ok(!matchesTimeZone(newYork, "GMT-4"));
  const darwin = timeZoneOption("Australia/Darwin", "ko", JANUARY);
  assert.ok(!matchesTimeZone(darwin, "GMT+9"));
  assert.ok(matchesTimeZone(darwin, "GMT+9:3"));
});

test("the list holds every zone the runtime knows, and a saved one it does not, west to east", () => {
  const options = timeZoneOptions("Asia/Seoul", "ko", JANUARY);
  assert.ok(options.length > 300);
  assert.ok(options.some((option) => option.id === "Asia/Seoul"));
  const offsets = options.map((option) => option.offsetMinutes);
  assert.deepEqual(
    offsets,
    [...offsets].sort((a, b) => a - b),
  );
  assert.equal(timeZoneOptions("Etc/GMT-14", "ko", JANUARY).filter((option) => option.id === "Etc/GMT-14").length, 1);
});
