import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { randomIdentity } from "../tests/helpers/oauth";
import { expect, test } from "./fixtures";
import { ProviderPage } from "./pages/provider-page";

// axe-core (the engine behind Lighthouse's accessibility score) with the WCAG 2.2 A and AA rules:
// every page a user reaches, signed out, in onboarding and signed in, on both viewports.
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const found = results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  expect(found, page.url()).toEqual([]);
}

test("signed-out pages have no WCAG A/AA violations", async ({ page }) => {
  const mailedLinkPages = ["/verify-email?token=x", "/secure-account?token=x", "/confirm-email?token=x", "/revert-email?token=x", "/email-changed?result=changed", "/reset-password?secured=1&token=x"];
  for (const path of ["/", "/login", "/signup", "/forgot-password", "/verify-required", "/terms", "/login?oauth_error=cancelled", ...mailedLinkPages]) {
    await page.goto(path);
    await expectNoViolations(page);
  }
});

test("onboarding has no WCAG A/AA violations", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Google로 계속하기" }).click();
  await new ProviderPage(page).signInAs(randomIdentity("google"));
  await expect(page).toHaveURL(/\/onboarding$/);
  await expectNoViolations(page);
});

test("signed-in pages have no WCAG A/AA violations", async ({ page, signedIn }) => {
  void signedIn;
  for (const path of ["/dashboard", "/dashboard/todo", "/dashboard/bucket", "/dashboard/settings"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page);
  }
});

test("the search page, with results and without, has no WCAG A/AA violations", async ({ page, signedIn }) => {
  void signedIn;
  const origin = new URL(page.url()).origin;
  const today = new Date().toISOString().slice(0, 10);
  expect(
    (await page.request.post("/api/events", { data: { title: "주간 회의", description: "회의 안건", startsAt: `${today}T01:00:00Z`, endsAt: `${today}T02:00:00Z` }, headers: { origin } })).status(),
  ).toBe(201);
  expect((await page.request.post("/api/todos", { data: { title: "회의록 보내기" }, headers: { origin } })).status()).toBe(201);
  expect((await page.request.post("/api/bucket-items", { data: { title: "오로라 보기", description: "회의 없는 한 달" }, headers: { origin } })).status()).toBe(201);
  for (const path of ["/dashboard/search?q=ㅎㅇ", "/dashboard/search?q=없는말", "/dashboard/search"]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page);
  }
});

test("the todo page, with dates in words, the done group open and the date chooser open, has no WCAG A/AA violations", async ({ page, signedIn }) => {
  void signedIn;
  const origin = new URL(page.url()).origin;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
  const earlier = new Date(Date.parse(`${today}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);
  for (const data of [{ title: "기한 지난 일", dueOn: earlier }, { title: "오늘 할 일", dueOn: today }, { title: "날짜 없는 일" }, { title: "끝낸 일" }]) {
    expect((await page.request.post("/api/todos", { data, headers: { origin } })).status()).toBe(201);
  }
  await page.goto("/dashboard/todo");
  await page.getByRole("checkbox", { name: "끝낸 일 완료" }).click();
  await page.getByRole("button", { name: "완료됨 (1)" }).click();
  await page.getByLabel("새 할 일").fill("내일 오후 3시 보고서");
  await expect(page.getByText("마감일: 내일")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoViolations(page);
  await page.getByRole("button", { name: "마감일 정하기: 날짜 없는 일" }).click();
  await page.getByRole("dialog", { name: "마감일 고르기" }).getByRole("button", { name: "날짜 선택" }).click();
  await expectNoViolations(page);
});
