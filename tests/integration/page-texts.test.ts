// A page's HTML carries the texts of the components on it, not every page's: client components are
// handed only the dictionary sections they read (Sections in lib/i18n/dictionaries.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { DICTIONARIES } from "@/lib/i18n/languages";
import { Client } from "../helpers/http";

const { ko, en } = DICTIONARIES;
// Long texts of sections these pages never show, in both languages.
const ELSEWHERE = [ko.admin.notLocked, ko.settings.adminNeedsSecondFactor, ko.planner.listFull, en.social.errors.failed, en.admin.notLocked];

test("the welcome, login, sign-up and password pages carry their own texts and no other page's", async () => {
  const own: Record<string, string[]> = {
    "/": [ko.welcome.title],
    "/login": [ko.login.title, ko.social.errors.unavailable],
    "/signup": [ko.signup.title],
    "/forgot-password": [ko.password.forgotTitle],
    "/verify-required": [ko.verifyRequired.title],
  };
  for (const [path, texts] of Object.entries(own)) {
    const html = await (await new Client().request(path, { headers: { "accept-language": "ko" } })).text();
    for (const text of texts) assert.ok(html.includes(text), `${path} shows "${text}"`);
    for (const text of ELSEWHERE) assert.ok(!html.includes(text), `${path} carries "${text}"`);
  }
});
