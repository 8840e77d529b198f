// A page's HTML carries the texts of the components on it, not every page's: client components are
// handed only the dictionary sections they read (Sections in lib/i18n/dictionaries.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { DICTIONARIES } from "@/lib/i18n/languages";
import { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

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

test("the signed-in pages carry the planner's and settings' texts, not the admin pages' or the sign-in pages'", async () => {
  const { client } = await signedInUser();
  const foreign = [ko.admin.notLocked, ko.welcome.title, en.planner.listFull, en.admin.notLocked];
  for (const path of ["/dashboard", "/dashboard/todo", "/dashboard/bucket", "/dashboard/settings", "/dashboard/search?q=%ED%9A%8C%EC%9D%98"]) {
    const page = await client.request(path, { headers: { "accept-language": "ko" } });
    assert.equal(page.status, 200, path);
    const html = await page.text();
    assert.ok(html.includes(ko.dashboard.calendar), `${path} shows the navigation`);
    for (const text of foreign) assert.ok(!html.includes(text), `${path} carries "${text}"`);
  }
});
