import assert from "node:assert/strict";
import { test } from "node:test";
import { dueLabel } from "@/lib/planner/due-label";
import { recogniseDate } from "@/lib/planner/natural-date";

// Wednesday 2026-12-09, 14:00 in Seoul (05:00 UTC).
const SEOUL_AFTERNOON = new Date("2026-12-09T05:00:00Z");
const SEOUL = "Asia/Seoul";

function read(input: string, now = SEOUL_AFTERNOON, zone = SEOUL) {
  const found = recogniseDate(input, now, zone);
  return found ? [found.date, found.time, found.rest] : null;
}

test("Korean words for days, weeks and dates, with the particles that go with them", () => {
  assert.deepEqual(read("내일 오후 3시 보고서"), ["2026-12-10", "15:00", "보고서"]);
  assert.deepEqual(read("모레 장보기"), ["2026-12-11", null, "장보기"]);
  assert.deepEqual(read("글피"), ["2026-12-12", null, ""]);
  assert.deepEqual(read("오늘까지 세금 신고"), ["2026-12-09", null, "세금 신고"]);
  assert.deepEqual(read("다음 주 금요일 회식"), ["2026-12-18", null, "회식"]);
  assert.deepEqual(read("이번 주 금요일까지 제출"), ["2026-12-11", null, "제출"]);
  assert.deepEqual(read("다음 주 보고"), ["2026-12-14", null, "보고"]);
  assert.deepEqual(read("다음주월요일 회의"), ["2026-12-14", null, "회의"]);
  assert.deepEqual(read("금요일 청소"), ["2026-12-11", null, "청소"]);
  // On a Wednesday, "수요일" is next week's.
  assert.deepEqual(read("수요일 병원"), ["2026-12-16", null, "병원"]);
  assert.deepEqual(read("12월 10일 발표"), ["2026-12-10", null, "발표"]);
  assert.deepEqual(read("발표 12월 31일에"), ["2026-12-31", null, "발표"]);
  // A day already past this year is next year's.
  assert.deepEqual(read("3월 1일 등산"), ["2027-03-01", null, "등산"]);
  assert.deepEqual(read("2030년 1월 15일 세탁소"), ["2030-01-15", null, "세탁소"]);
  assert.deepEqual(read("3일 후 연락"), ["2026-12-12", null, "연락"]);
  assert.deepEqual(read("2주 뒤 검진"), ["2026-12-23", null, "검진"]);
  assert.deepEqual(read("1달 후 갱신"), ["2027-01-09", null, "갱신"]);
  assert.deepEqual(read("모레 오전 9시 30분 면접"), ["2026-12-11", "09:30", "면접"]);
  assert.deepEqual(read("내일 저녁 7시 반 약속"), ["2026-12-10", "19:30", "약속"]);
  assert.deepEqual(read("12/24 선물"), ["2026-12-24", null, "선물"]);
});

test("English words for days, weeks and dates", () => {
  assert.deepEqual(read("report tomorrow 3pm"), ["2026-12-10", "15:00", "report"]);
  assert.deepEqual(read("Call mom next fri"), ["2026-12-18", null, "Call mom"]);
  assert.deepEqual(read("pay rent by friday"), ["2026-12-11", null, "pay rent"]);
  assert.deepEqual(read("this sat picnic"), ["2026-12-12", null, "picnic"]);
  assert.deepEqual(read("next week: plan trip"), ["2026-12-14", null, ": plan trip"]);
  assert.deepEqual(read("dentist dec 10"), ["2026-12-10", null, "dentist"]);
  assert.deepEqual(read("Dentist on December 31st at 9:15am"), ["2026-12-31", "09:15", "Dentist"]);
  assert.deepEqual(read("taxes 15 April"), ["2027-04-15", null, "taxes"]);
  assert.deepEqual(read("trip jan 15, 2030"), ["2030-01-15", null, "trip"]);
  assert.deepEqual(read("follow up in 3 days"), ["2026-12-12", null, "follow up"]);
  assert.deepEqual(read("renew in a month"), ["2027-01-09", null, "renew"]);
  assert.deepEqual(read("in two weeks review"), ["2026-12-23", null, "review"]);
  assert.deepEqual(read("lunch today at noon"), ["2026-12-09", "12:00", "lunch"]);
  assert.deepEqual(read("ship 2027-02-01"), ["2027-02-01", null, "ship"]);
  assert.deepEqual(read("day after tomorrow gym"), ["2026-12-11", null, "gym"]);
});

test("words that only look like dates are left alone", () => {
  assert.equal(read("내일정 정리"), null);
  assert.equal(read("money talk"), null);
  assert.equal(read("3시간 공부"), null);
  assert.equal(read("2월 30일 파티"), null);
  assert.equal(read("friendly reminder"), null);
  assert.equal(read("우유 사기"), null);
});

test("a time alone is today's, or tomorrow's once it has passed", () => {
  assert.deepEqual(read("오후 3시 회의"), ["2026-12-09", "15:00", "회의"]);
  assert.deepEqual(read("오전 10시 회의"), ["2026-12-10", "10:00", "회의"]);
  assert.deepEqual(read("standup 9am"), ["2026-12-10", "09:00", "standup"]);
  assert.deepEqual(read("call 18:30"), ["2026-12-09", "18:30", "call"]);
});

test("'now' is the user's own: before 09:00 in Seoul it is still yesterday in UTC", () => {
  // 23:30 UTC on Dec 9 is 08:30 on Thursday Dec 10 in Seoul.
  const earlyInSeoul = new Date("2026-12-09T23:30:00Z");
  assert.deepEqual(read("내일 보고서", earlyInSeoul), ["2026-12-11", null, "보고서"]);
  assert.deepEqual(read("오늘 보고서", earlyInSeoul), ["2026-12-10", null, "보고서"]);
  assert.deepEqual(read("금요일 보고서", earlyInSeoul), ["2026-12-11", null, "보고서"]);
  assert.deepEqual(read("오전 9시 보고서", earlyInSeoul), ["2026-12-10", "09:00", "보고서"]);
  // The same instant in New York is Wednesday Dec 9, 18:30.
  const newYork = "America/New_York";
  assert.deepEqual(read("tomorrow report", earlyInSeoul, newYork), ["2026-12-10", null, "report"]);
  assert.deepEqual(read("next fri", earlyInSeoul, newYork), ["2026-12-18", null, ""]);
  assert.deepEqual(read("report 9am", earlyInSeoul, newYork), ["2026-12-10", "09:00", "report"]);
  assert.deepEqual(read("report 8pm", earlyInSeoul, newYork), ["2026-12-09", "20:00", "report"]);
});

test("due dates read as words, with the year only when it is not this one", () => {
  const ko = { yesterday: "어제", today: "오늘", tomorrow: "내일" };
  const en = { yesterday: "Yesterday", today: "Today", tomorrow: "Tomorrow" };
  assert.equal(dueLabel("2026-12-09", "2026-12-09", "ko-KR", ko), "오늘");
  assert.equal(dueLabel("2026-12-10", "2026-12-09", "en", en), "Tomorrow");
  assert.equal(dueLabel("2026-12-08", "2026-12-09", "ko-KR", ko), "어제");
  assert.equal(dueLabel("2026-12-10", "2026-12-08", "ko-KR", ko), "12월 10일 (목)");
  assert.equal(dueLabel("2026-12-10", "2026-12-08", "en", en), "Thu, Dec 10");
  assert.equal(dueLabel("2030-01-15", "2026-12-08", "ko-KR", ko), "2030년 1월 15일 (화)");
  assert.equal(dueLabel("2030-01-15", "2026-12-08", "en", en), "Tue, Jan 15, 2030");
});
