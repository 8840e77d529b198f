import { timeStep, totpCode } from "../lib/auth/totp";
import { expect, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test("a password sign-in from a browser the account does not know asks for the code mailed to it, then knows that browser", async ({ page, browser, user, signedIn: _ }) => {
  const other = await browser.newContext({ locale: "ko-KR", timezoneId: "Asia/Seoul" });
  const otherPage = await other.newPage();
  const login = new LoginPage(otherPage);
  await login.goto();
  await login.logIn(user.email, user.password);
  await expect(otherPage.getByRole("heading", { name: "처음 보는 기기예요" })).toBeVisible();
  await otherPage.getByLabel("이메일로 받은 코드").fill("000000");
  await otherPage.getByRole("button", { name: "확인" }).click();
  await expect(otherPage.getByText("코드가 올바르지 않습니다.")).toBeVisible();

  // Started over with the right code this time.
  await login.goto();
  await login.logInFromNewDevice(user.email, user.password);
  await expect(otherPage).toHaveURL(/\/dashboard$/);
  // Known from now on: the next sign-in there takes the password alone.
  await otherPage.getByRole("button", { name: "로그아웃", exact: true }).click();
  await login.logIn(user.email, user.password);
  await expect(otherPage).toHaveURL(/\/dashboard$/);
  await other.close();

  await page.goto("/dashboard/settings");
  await expect(page.getByRole("list", { name: "알고 있는 기기" }).getByRole("listitem")).toHaveCount(2);
});

test("'trust this device for 30 days' skips the authenticator code on that browser until it is forgotten", async ({ page, user, loginPage, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  const { secret } = (await (await page.request.post("/api/auth/2fa/totp/setup", { headers: { origin } })).json()) as { secret: string };
  expect((await page.request.post("/api/auth/2fa/totp/enable", { data: { code: totpCode(secret, timeStep()) }, headers: { origin } })).status()).toBe(200);

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await page.getByLabel("인증 코드").fill(totpCode(secret, timeStep() + 1));
  await page.getByLabel(/이 기기를 30일 동안 신뢰하기/).check();
  await page.getByRole("button", { name: "확인" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/dashboard/settings");
  const devices = page.getByRole("list", { name: "알고 있는 기기" });
  const here = devices.getByRole("listitem").filter({ hasText: "현재 기기" });
  await expect(here).toContainText("까지 신뢰");
  await here.getByRole("button", { name: /^기기 지우기/ }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(0);

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: "2단계 인증" })).toBeVisible();
});
