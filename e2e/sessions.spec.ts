import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test("settings lists signed-in devices; signing out the others ends the second browser's session", async ({ page, browser, user, signedIn: _ }) => {
  // A second device: another browser context, signed in as the same user (with the mailed code).
  const other = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const otherPage = await other.newPage();
  const otherLogin = new LoginPage(otherPage);
  await otherLogin.goto();
  await otherLogin.logInFromNewDevice(user.email, user.password);
  await expect(otherPage).toHaveURL(/\/dashboard$/);

  await page.getByRole("link", { name: "설정" }).click();
  const devices = page.getByRole("list", { name: "로그인된 기기" });
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByText("현재 기기")).toHaveCount(1);
  await expect(page.getByRole("list", { name: "최근 활동" }).getByText("로그인", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "다른 기기 모두 로그아웃" }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "다른 기기 1대를 로그아웃했습니다." })).toBeVisible();
  await expect(devices.getByRole("listitem")).toHaveCount(1);

  // The other browser still holds an unexpired access token; the server refuses it all the same.
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await other.close();

  // This browser carries on.
  await page.getByRole("navigation", { name: "TropiCal" }).getByRole("link", { name: "캘린더" }).click();
  await expect(page.getByRole("grid", { name: "캘린더" })).toBeVisible();
});
