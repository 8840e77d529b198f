import assert from "node:assert/strict";
import { test } from "node:test";
import { errorMessage, firstProblem } from "@/lib/client/error-message";
import { ERRORS, type ErrorCode } from "@/lib/errors";
import { API_ERRORS } from "@/lib/i18n/api-errors";
import { DICTIONARIES } from "@/lib/i18n/languages";

const ko = DICTIONARIES.ko;
const codes = Object.keys(ERRORS) as ErrorCode[];

test("every API error reads in the page's language, never in the server's English", () => {
  for (const code of codes) {
    const text = errorMessage(ko, { code });
    assert.notEqual(text, API_ERRORS.en[code], code);
    assert.match(text, /[가-힣]/, code);
    // Only a fault on the server's side is the generic "something went wrong".
    if (code !== "INTERNAL") assert.notEqual(text, ko.common.genericError, code);
  }
  assert.equal(errorMessage(DICTIONARIES.en, { code: "CONFLICT_STATE" }), DICTIONARIES.en.apiErrors.CONFLICT_STATE);
});

test("a form's own wording for a code wins over the general one", () => {
  assert.equal(errorMessage(ko, { code: "LIMIT_REACHED" }, { LIMIT_REACHED: ko.planner.listFull }), ko.planner.listFull);
  assert.equal(errorMessage(ko, { code: "NOT_FOUND" }, { LIMIT_REACHED: ko.planner.listFull }), ko.apiErrors.NOT_FOUND);
});

test("a rate limit names the wait from Retry-After, a minute when the header is missing", () => {
  assert.equal(errorMessage(ko, { code: "RATE_LIMITED", retryAfter: 42 }), "시도가 너무 많습니다. 42초 후에 다시 시도해 주세요.");
  assert.equal(errorMessage(DICTIONARIES.en, { code: "RATE_LIMITED" }), "Too many attempts. Try again in 60 seconds.");
});

test("an answer that is not TropiCal's (a proxy's error page) gets the generic message", () => {
  for (const code of ["UNKNOWN", "toString", "__proto__", ""]) assert.equal(errorMessage(ko, { code }), ko.common.genericError, code);
});

test("a one-message form shows the first field's reason, else what the code means", () => {
  assert.equal(firstProblem(ko, { code: "INVALID_INPUT", fields: { nickname: "닉네임을 입력해 주세요." } }), "닉네임을 입력해 주세요.");
  assert.equal(firstProblem(ko, { code: "LIMIT_REACHED", fields: {} }, { LIMIT_REACHED: ko.planner.listFull }), ko.planner.listFull);
});
