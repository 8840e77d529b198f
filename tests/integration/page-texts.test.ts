// A page's HTML carries the texts of the components on it, not every page's: client components are
// handed only the dictionary sections they read (Sections in lib/i18n/dictionaries.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { DICTIONARIES } from "@/lib/i18n/languages";
import { Client } from "../helpers/http";
import { signedInAdmin } from "../helpers/admin";
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

// The <title> follows the page's language, on every page a user reaches (the root layout adds the
// app's name). A mailed-link page shows its title whatever the token says.
const TITLED_PAGES = {
  signedOut: {
    "/login": "login",
    "/signup": "signup",
    "/forgot-password": "forgotPassword",
    "/reset-password?token=x": "resetPassword",
    "/verify-required": "verifyRequired",
    "/verify-email?token=x": "verifyEmail",
    "/verified": "verified",
    "/verify-failed": "verifyFailed",
    "/email-changed?result=changed": "emailChanged",
    "/confirm-email?token=x": "confirmEmail",
    "/revert-email?token=x": "revertEmail",
    "/secure-account?token=x": "secureAccount",
    "/terms": "terms",
  },
  signedIn: { "/dashboard": "calendar", "/dashboard/todo": "todo", "/dashboard/bucket": "bucket", "/dashboard/settings": "settings" },
  admin: { "/admin/users": "adminUsers", "/admin/audit": "adminAudit", "/admin/security": "adminSecurity" },
} satisfies Record<string, Record<string, keyof typeof ko.pageTitles>>;

async function titlesOf(client: Client, path: string, language: "ko" | "en"): Promise<string[]> {
  const page = await client.request(path, { headers: { "accept-language": language } });
  assert.equal(page.status, 200, `${path} (${language})`);
  return [...(await page.text()).matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1] ?? "");
}

test("every page's <title> is in the page's language", async () => {
  const clients = { signedOut: new Client(), signedIn: (await signedInUser()).client, admin: (await signedInAdmin()).client };
  for (const [who, pages] of Object.entries(TITLED_PAGES) as [keyof typeof TITLED_PAGES, Record<string, keyof typeof ko.pageTitles>][]) {
    for (const [path, key] of Object.entries(pages)) {
      assert.deepEqual(await titlesOf(clients[who], path, "ko"), [`${ko.pageTitles[key]} · TropiCal`], `${path} in Korean`);
      assert.deepEqual(await titlesOf(clients[who], path, "en"), [`${en.pageTitles[key]} · TropiCal`], `${path} in English`);
    }
  }
  assert.deepEqual(await titlesOf(clients.signedIn, "/dashboard/search", "ko"), [`${ko.search.title} · TropiCal`]);
  assert.deepEqual(await titlesOf(clients.signedIn, "/dashboard/search", "en"), [`${en.search.title} · TropiCal`]);
});
