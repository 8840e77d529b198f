import assert from "node:assert/strict";
import { test } from "node:test";
import * as gazette from "@hyunbinseo/holidays-kr/all";
import Holidays from "date-holidays";
import KoreanLunarCalendar from "korean-lunar-calendar";
import { HOLIDAY_COUNTRIES } from "@/lib/planner/holiday-countries";
import { englishHolidayName, koreanHolidayName } from "@/lib/planner/holiday-names";
import { KOREAN_HOLIDAY_YEARS, koreanHolidaysBetween } from "@/lib/planner/korean-holidays";

// The gazette's days (월력요항, with the temporary holiday of 27 Jan 2025 and the election days
// decided after it), typed from the announcements rather than read from the package.
const OFFICIAL: Record<string, [string, string][]> = {
  "2025": [
    ["2025-01-01", "1월 1일"],
    ["2025-01-27", "임시공휴일"],
    ["2025-01-28", "설날 전날"],
    ["2025-01-29", "설날"],
    ["2025-01-30", "설날 다음 날"],
    ["2025-03-01", "3ㆍ1절"],
    ["2025-03-03", "대체공휴일(3ㆍ1절)"],
    ["2025-05-05", "어린이날"],
    ["2025-05-05", "부처님 오신 날"],
    ["2025-05-06", "대체공휴일(부처님 오신 날)"],
    ["2025-06-03", "임시공휴일(대통령선거)"],
    ["2025-06-06", "현충일"],
    ["2025-08-15", "광복절"],
    ["2025-10-03", "개천절"],
    ["2025-10-05", "추석 전날"],
    ["2025-10-06", "추석"],
    ["2025-10-07", "추석 다음 날"],
    ["2025-10-08", "대체공휴일(추석)"],
    ["2025-10-09", "한글날"],
    ["2025-12-25", "기독탄신일"],
  ],
  "2026": [
    ["2026-01-01", "1월 1일"],
    ["2026-02-16", "설날 전날"],
    ["2026-02-17", "설날"],
    ["2026-02-18", "설날 다음 날"],
    ["2026-03-01", "3ㆍ1절"],
    ["2026-03-02", "대체공휴일(3ㆍ1절)"],
    ["2026-05-01", "노동절"],
    ["2026-05-05", "어린이날"],
    ["2026-05-24", "부처님 오신 날"],
    ["2026-05-25", "대체공휴일(부처님 오신 날)"],
    ["2026-06-03", "전국동시지방선거"],
    ["2026-06-06", "현충일"],
    ["2026-07-17", "제헌절"],
    ["2026-08-15", "광복절"],
    ["2026-08-17", "대체공휴일(광복절)"],
    ["2026-09-24", "추석 전날"],
    ["2026-09-25", "추석"],
    ["2026-09-26", "추석 다음 날"],
    ["2026-10-03", "개천절"],
    ["2026-10-05", "대체공휴일(개천절)"],
    ["2026-10-09", "한글날"],
    ["2026-12-25", "기독탄신일"],
  ],
  "2027": [
    ["2027-01-01", "1월 1일"],
    ["2027-02-06", "설날 전날"],
    ["2027-02-07", "설날"],
    ["2027-02-08", "설날 다음 날"],
    ["2027-02-09", "대체공휴일(설날)"],
    ["2027-03-01", "3ㆍ1절"],
    ["2027-05-01", "노동절"],
    ["2027-05-03", "대체공휴일(노동절)"],
    ["2027-05-05", "어린이날"],
    ["2027-05-13", "부처님 오신 날"],
    ["2027-06-06", "현충일"],
    ["2027-07-17", "제헌절"],
    ["2027-07-19", "대체공휴일(제헌절)"],
    ["2027-08-15", "광복절"],
    ["2027-08-16", "대체공휴일(광복절)"],
    ["2027-09-14", "추석 전날"],
    ["2027-09-15", "추석"],
    ["2027-09-16", "추석 다음 날"],
    ["2027-10-03", "개천절"],
    ["2027-10-04", "대체공휴일(개천절)"],
    ["2027-10-09", "한글날"],
    ["2027-10-11", "대체공휴일(한글날)"],
    ["2027-12-25", "기독탄신일"],
    ["2027-12-27", "대체공휴일(기독탄신일)"],
  ],
};

// Every name the installed package uses, over all the years it holds.
const GAZETTE_NAMES = new Set(
  Object.values(gazette)
    .flatMap((year) => Object.values(year))
    .flat(),
);

for (const [year, days] of Object.entries(OFFICIAL)) {
  test(`Korea's ${year} holidays are the gazette's, in Korean`, () => {
    assert.deepEqual(
      koreanHolidaysBetween(`${year}-01-01`, `${year}-12-31`, "ko").map(({ date, name }) => [date, name]),
      days,
    );
  });
}

test("the lunar holidays fall where KASI's lunar calendar puts them", () => {
  const calendar = new KoreanLunarCalendar();
  const solar = (year: number, month: number, day: number) => {
    assert.ok(calendar.setLunarDate(year, month, day, false));
    const { year: y, month: m, day: d } = calendar.getSolarCalendar();
    return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  };
  for (const year of [2025, 2026, 2027]) {
    const holidays = koreanHolidaysBetween(`${year}-01-01`, `${year}-12-31`, "ko");
    const on = (name: string) => holidays.filter((holiday) => holiday.name === name).map((holiday) => holiday.date);
    assert.deepEqual(on("설날"), [solar(year, 1, 1)], `${year} 설날`);
    assert.deepEqual(on("부처님 오신 날"), [solar(year, 4, 8)], `${year} 부처님 오신 날`);
    assert.deepEqual(on("추석"), [solar(year, 8, 15)], `${year} 추석`);
  }
});

test("the package covers the years the calendar is used in, and a year it lacks has no Korean holidays instead of an error", () => {
  for (const year of ["2025", "2026", "2027"]) assert.ok(KOREAN_HOLIDAY_YEARS.includes(year), year);
  const missing = String(Number(KOREAN_HOLIDAY_YEARS.at(-1)) + 1);
  assert.deepEqual(koreanHolidaysBetween(`${missing}-01-01`, `${missing}-12-31`, "ko"), []);
  // A view across the last covered New Year shows the covered year's days only.
  const last = KOREAN_HOLIDAY_YEARS.at(-1) ?? "";
  const across = koreanHolidaysBetween(`${last}-12-20`, `${missing}-01-10`, "en");
  assert.ok(across.length > 0);
  assert.ok(across.every((holiday) => holiday.date.startsWith(last)));
});

test("a view's holidays are its days only, both ends included", () => {
  assert.deepEqual(
    koreanHolidaysBetween("2026-02-17", "2026-03-01", "ko").map(({ date }) => date),
    ["2026-02-17", "2026-02-18", "2026-03-01"],
  );
});

test("every name in the package's data has an English name", () => {
  assert.ok(GAZETTE_NAMES.size > 20, `only ${GAZETTE_NAMES.size} names`);
  const missing = [...GAZETTE_NAMES].filter((name) => {
    const english = englishHolidayName(name);
    return english === undefined || /[\u3131-\uD7A3]/u.test(english);
  });
  assert.deepEqual(missing, []);
});

test("English names, including substitute and election days", () => {
  const february = koreanHolidaysBetween("2026-02-01", "2026-02-28", "en");
  assert.deepEqual(
    february.map(({ date, name }) => [date, name]),
    [
      ["2026-02-16", "Day before Seollal"],
      ["2026-02-17", "Seollal (Lunar New Year)"],
      ["2026-02-18", "Day after Seollal"],
    ],
  );
  assert.equal(englishHolidayName("대체공휴일(3ㆍ1절)"), "Substitute holiday (Independence Movement Day)");
  assert.equal(englishHolidayName("임시공휴일(대통령선거)"), "Temporary holiday (Presidential election)");
  assert.equal(englishHolidayName("제22대국회의원선거"), "22nd National Assembly election");
  assert.equal(englishHolidayName("제23대 국회의원선거"), "23rd National Assembly election");
  assert.equal(englishHolidayName("제21대 대통령선거"), "21st Presidential election");
  assert.equal(englishHolidayName("대체공휴일(현충일)"), "Substitute holiday (Memorial Day)");
});

test("a name the table does not know is shown in Korean, not dropped", () => {
  assert.equal(englishHolidayName("새로운 기념일"), undefined);
  assert.equal(koreanHolidayName("새로운 기념일", "en"), "새로운 기념일");
  assert.equal(englishHolidayName("대체공휴일(새로운 기념일)"), undefined);
  assert.equal(koreanHolidayName("대체공휴일(새로운 기념일)", "en"), "대체공휴일(새로운 기념일)");
  assert.equal(koreanHolidayName("추석", "ko"), "추석");
});

test("the countries offered are exactly those date-holidays knows", () => {
  assert.deepEqual([...HOLIDAY_COUNTRIES].sort(), Object.keys(new Holidays().getCountries()).sort());
});
