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
