import assert from "node:assert/strict";
import { test } from "node:test";
import { excerptParts, matchParts, searchPattern } from "@/lib/planner/search-pattern";

const matches = (text: string, query: string) => new RegExp(searchPattern(query), "iu").test(text.normalize("NFC"));

test("a lone consonant stands for any syllable it begins: 초성 search and a syllable still being typed", () => {
  assert.ok(matches("주간 회의", "ㅎㅇ"));
  assert.ok(matches("주간 회의", "회ㅇ"));
  assert.ok(matches("주간 회의", "ㅈㄱ ㅎ"));
  assert.ok(matches("ㅋㅋ 웃긴 일", "ㅋㅋ"), "a consonant written as itself is found too");
  assert.ok(!matches("주간 회의", "ㅎㄱ"));
  assert.ok(!matches("주간 회의", "회ㄱ"));
  assert.ok(matches("까치", "ㄲ") && !matches("가치", "ㄲ"), "a double consonant is its own initial");
  assert.ok(matches("회의", "\u1112\u110b"), "the conjoining jamo of a decomposed string count as the consonants they are");
});

test("complete syllables and everything else match literally", () => {
  assert.ok(matches("사과 사기", "사과"));
  assert.ok(!matches("사관학교", "사과"), "a finished syllable does not widen to its neighbours");
  assert.ok(matches("Weekly SYNC", "sync"));
  for (const query of ["%", "_", "\\", ".*", "a|b", "(?i)", "***=x", "[ㄱ-ㅎ]", "^", "$", "{2}", "+"]) {
    assert.ok(!matches("plain text", query), `"${query}" is no pattern`);
    assert.ok(matches(`before ${query} after`, query), `"${query}" finds itself`);
  }
});

test("the pattern has no quantifier or group a query could abuse, however long", () => {
  const pattern = searchPattern("ㅎ".repeat(100) + "(a+)+$");
  assert.doesNotMatch(pattern.replace(/\\./g, "").replace(/\[[^\]]*\]/g, ""), /[*+?{}()|]/);
});

test("the parts of a text it matches are marked, in NFC and case-insensitively", () => {
  assert.deepEqual(matchParts("주간 회의와 회식", "ㅎㅇ"), [
    { text: "주간 ", matched: false },
    { text: "회의", matched: true },
    { text: "와 회식", matched: false },
  ]);
  assert.deepEqual(matchParts("회의".normalize("NFD"), "회의"), [{ text: "회의", matched: true }]);
  assert.deepEqual(matchParts("Team SYNC, sync", "Sync"), [
    { text: "Team ", matched: false },
    { text: "SYNC", matched: true },
    { text: ", ", matched: false },
    { text: "sync", matched: true },
  ]);
  assert.deepEqual(matchParts("nothing here", "회의"), [{ text: "nothing here", matched: false }]);
});

test("a long text is cut around its first match, never inside a character", () => {
  const text = `${"😀".repeat(200)}회의${"😀".repeat(200)}`;
  const parts = excerptParts(text, "회의", 40);
  assert.equal(parts[0]?.text, "…");
  assert.equal(parts.at(-1)?.text, "…");
  assert.ok(parts.some((part) => part.matched && part.text === "회의"));
  for (const part of parts) assert.ok(part.text.isWellFormed(), "no half of a surrogate pair");
  assert.ok(parts.reduce((sum, part) => sum + part.text.length, 0) <= 42);
});
