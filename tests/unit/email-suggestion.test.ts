import assert from "node:assert/strict";
import { test } from "node:test";
import { suggestEmail } from "@/lib/email-suggestion";

test("common slips in the domains our users have are corrected", () => {
  assert.equal(suggestEmail("kim@gmial.com"), "kim@gmail.com");
  assert.equal(suggestEmail("kim@naver.co"), "kim@naver.com");
  assert.equal(suggestEmail("kim@hanmial.net"), "kim@hanmail.net");
  assert.equal(suggestEmail("kim@daum.nte"), "kim@daum.net");
  assert.equal(suggestEmail("kim@gmail.co"), "kim@gmail.com");
  assert.equal(suggestEmail("kim@hotmial.con"), "kim@hotmail.com");
  assert.equal(suggestEmail("kim@naver"), "kim@naver.com");
});

test("the part before the @ is kept as typed, spaces around the address are not", () => {
  assert.equal(suggestEmail("  Kim.Min+cal@GMIAL.COM "), "Kim.Min+cal@gmail.com");
});

test("known domains, other real domains and unfinished addresses get no suggestion", () => {
  for (const address of ["kim@gmail.com", "kim@NAVER.COM", "kim@mail.com", "kim@me.com", "kim@nate.com", "kim@company.co.kr", "kim@example.test", "kim@", "@gmial.com", "kim", ""]) {
    assert.equal(suggestEmail(address), null, address);
  }
});
