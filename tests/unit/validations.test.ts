import assert from "node:assert/strict";
import { test } from "node:test";
import { loginSchema, signupSchema } from "@/lib/validations/auth";

const valid = { email: "  Alice@Example.COM ", password: "ten chars!", nickname: " 앨리스 ", consents: { terms: true, privacy: true } };

test("a valid sign-up is normalised: e-mail trimmed and lower-cased, nickname trimmed", () => {
  const parsed = signupSchema.parse(valid);
  assert.equal(parsed.email, "alice@example.com");
  assert.equal(parsed.nickname, "앨리스");
});

test("passwords from 10 to 128 characters of any script are accepted", () => {
  assert.equal(signupSchema.safeParse({ ...valid, password: "비밀번호는열글자입니다" }).success, true);
  assert.equal(signupSchema.safeParse({ ...valid, password: "x".repeat(128) }).success, true);
  assert.equal(signupSchema.safeParse({ ...valid, password: "x".repeat(9) }).success, false);
  assert.equal(signupSchema.safeParse({ ...valid, password: "x".repeat(129) }).success, false);
});

test("terms and privacy are required; marketing is optional", () => {
  assert.equal(signupSchema.safeParse({ ...valid, consents: { terms: true, privacy: false } }).success, false);
  assert.equal(signupSchema.safeParse({ ...valid, consents: { privacy: true } }).success, false);
  assert.equal(signupSchema.safeParse({ ...valid, consents: { terms: "yes", privacy: true } }).success, false);
  assert.equal(signupSchema.safeParse({ ...valid, consents: { terms: true, privacy: true, marketing: true } }).success, true);
});

test("unknown fields and wrongly typed fields are refused, never coerced", () => {
  assert.equal(signupSchema.safeParse({ ...valid, role: "ADMIN" }).success, false);
  assert.equal(signupSchema.safeParse({ ...valid, email: { $ne: "" } }).success, false);
  assert.equal(loginSchema.safeParse({ email: "a@example.com", password: { $gt: "" } }).success, false);
  assert.equal(loginSchema.safeParse({ email: ["a@example.com"], password: "x" }).success, false);
  assert.equal(signupSchema.safeParse({ ...valid, nickname: "<script>" }).success, false);
});
