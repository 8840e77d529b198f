import { expect, test } from "./fixtures";

// The sign-up form's helpers: agree to all, the terms' gist, show password, a typo hint for the
// e-mail domain, and the provider buttons the login page has.

test("'agree to all' ticks every consent, and is half-ticked when only some are", async ({ page, signupPage }) => {
  await signupPage.goto();
  const all = page.getByRole("checkbox", { name: "전체 동의" });
  const terms = page.getByLabel("서비스 이용약관에 동의합니다 (필수)");
  const privacy = page.getByLabel("개인정보 처리방침에 동의합니다 (필수)");
  const marketing = page.getByLabel("마케팅 정보 수신에 동의합니다 (선택)");

  await all.check();
  for (const box of [terms, privacy, marketing]) await expect(box).toBeChecked();
  await marketing.uncheck();
  await expect(all).not.toBeChecked();
  await expect(all).toBeChecked({ indeterminate: true });
  await marketing.check();
  await expect(all).toBeChecked();
  await all.uncheck();
  for (const box of [terms, privacy, marketing]) await expect(box).not.toBeChecked();
  await expect(all).toHaveJSProperty("indeterminate", false);

  // Each consent's gist opens under it.
  const view = page.getByRole("button", { name: "개인정보 처리방침 내용 보기" });
  await expect(view).toHaveAttribute("aria-expanded", "false");
  await view.click();
  await expect(view).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByText("탈퇴하면 모두 지우며")).toBeVisible();
});

test("the password can be shown on the sign-up and login pages, and keeps its autocomplete hint", async ({ page, signupPage, loginPage }) => {
  for (const [open, autocomplete] of [
    [() => signupPage.goto(), "new-password"],
    [() => loginPage.goto(), "current-password"],
  ] as const) {
    await open();
    const password = page.getByLabel("비밀번호", { exact: true });
    const toggle = page.getByRole("button", { name: "표시", exact: true });
    await password.fill("secret words here");
    await expect(password).toHaveAttribute("type", "password");
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    await toggle.click();
    await expect(password).toHaveAttribute("type", "text");
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    await expect(password).toHaveAttribute("autocomplete", autocomplete);
    await toggle.click();
    await expect(password).toHaveAttribute("type", "password");
  }
});

test("a slip in a common e-mail domain is offered a fix, which never stops the sign-up", async ({ page, signupPage, user, isMobile }) => {
  await signupPage.goto();
  const email = page.getByLabel("이메일");
  await email.fill("minji@gmial.com");
  // Offered once the field is left, by a tap elsewhere on a phone or Tab on a desktop.
  if (isMobile) await page.getByLabel("닉네임").tap();
  else await email.press("Tab");
  const fix = page.getByRole("button", { name: "minji@gmail.com(으)로 고치기" });
  await expect(fix).toBeVisible();
  await fix.click();
  await expect(email).toHaveValue("minji@gmail.com");
  await expect(fix).toHaveCount(0);

  // Ignored, it stops nothing: the address is sent as typed (the test stack's mail never leaves it).
  await email.fill(user.email.replace("@example.test", "@naver.co"));
  await page.getByLabel("비밀번호", { exact: true }).fill(user.password);
  await page.getByLabel("닉네임").fill(user.nickname);
  await expect(page.getByRole("button", { name: /naver\.com\(으\)로 고치기$/ })).toBeVisible();
  await signupPage.acceptRequired();
  await signupPage.submit().click();
  await expect(page).toHaveURL(/\/verify-required/);
});

test("the sign-up page offers the same provider buttons as the login page", async ({ page, signupPage, loginPage }) => {
  await loginPage.goto();
  const names = await page.getByRole("button", { name: /로 계속하기$/ }).allTextContents();
  expect(names.length).toBeGreaterThan(0);
  await signupPage.goto();
  await expect(page.getByRole("button", { name: /로 계속하기$/ })).toHaveText(names);
});
