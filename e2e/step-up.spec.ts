import { closeTestDb } from "../tests/helpers/db";
import { secureAccountLink, waitForSubject } from "../tests/helpers/mail";
import { randomIdentity } from "../tests/helpers/oauth";
import { addVirtualAuthenticator, expect, makeSessionStale, test } from "./fixtures";
import { ProviderPage } from "./pages/provider-page";

test.afterAll(closeTestDb);

test("a session signed in a while ago is asked for the password before a passkey is added, and the passkey is then added", async ({ page, context, user, signedIn: _ }) => {
  await addVirtualAuthenticator(context, page);
  await makeSessionStale(context);
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "패스키" });
  await panel.getByRole("button", { name: "패스키 추가" }).click();
  const dialog = page.getByRole("dialog", { name: "본인 확인" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("비밀번호").fill("not the password at all");
  await dialog.getByRole("button", { name: "확인", exact: true }).click();
  await expect(dialog.getByText("현재 비밀번호가 올바르지 않습니다.")).toBeVisible();
  await dialog.getByLabel("비밀번호").fill(user.password);
  await dialog.getByRole("button", { name: "확인", exact: true }).click();
  // The action the proof was for goes on by itself.
  await expect(dialog).toBeHidden();
  await expect(panel.getByText("패스키를 추가했습니다.")).toBeVisible();
  await expect(panel.getByRole("list", { name: "패스키" }).getByRole("listitem")).toHaveCount(1);
});

test("cancelling the proof changes nothing and says nothing went wrong", async ({ page, context, signedIn: _ }) => {
  await makeSessionStale(context);
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "2단계 인증 (인증 앱)" });
  await panel.getByRole("button", { name: "설정하기" }).click();
  const dialog = page.getByRole("dialog", { name: "본인 확인" });
  await dialog.getByRole("button", { name: "취소" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole("alert")).toHaveCount(0);
  await expect(panel.getByRole("img", { name: "인증 앱용 QR 코드" })).toHaveCount(0);
});

test("linking a provider from a session signed in a while ago asks for the password first, then goes to the provider", async ({ page, context, user, signedIn: _ }) => {
  await makeSessionStale(context);
  await page.goto("/dashboard/settings");
  const providers = page.getByRole("region", { name: "소셜 로그인 연결" });
  await providers.getByRole("button", { name: "연결 네이버" }).click();
  const dialog = page.getByRole("dialog", { name: "본인 확인" });
  await dialog.getByLabel("비밀번호").fill(user.password);
  await dialog.getByRole("button", { name: "확인", exact: true }).click();
  await expect(page).toHaveTitle(/local test provider/);
  await new ProviderPage(page).signInAs(randomIdentity("naver"));
  await expect(page).toHaveURL(/\/dashboard\/settings\?linked=naver$/);
});

test("an account without a password confirms with its own provider (in English)", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL ?? "" }]);
  const identity = randomIdentity("google");
  await page.goto("/login");
  await page.getByRole("button", { name: "Continue with Google" }).click();
  await new ProviderPage(page).signInAs(identity);
  await page.waitForURL(/\/onboarding$/, { waitUntil: "load" });
  await page.getByLabel("I accept the terms of service (required)").check();
  await page.getByLabel("I accept the privacy policy (required)").check();
  await page.getByRole("button", { name: "Finish sign-up" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await addVirtualAuthenticator(context, page);
  await makeSessionStale(context);

  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "Passkeys" });
  await panel.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog.getByLabel("Password")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Confirm with Google" }).click();
  await new ProviderPage(page).signInAs(identity);
  await expect(page).toHaveURL(/\/dashboard\/settings\?reauth=done$/);
  await expect(page.getByText("You're confirmed. Please press what you were doing again.")).toBeVisible();
  await page.getByRole("region", { name: "Passkeys" }).getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("region", { name: "Passkeys" }).getByRole("list", { name: "Passkeys" }).getByRole("listitem")).toHaveCount(1);
});

test("after 'this wasn't me', the reset page lists a provider linked lately, ticked, and removes it with the new password", async ({ page, user, signedIn: _ }) => {
  const identity = randomIdentity("naver");
  await page.goto("/dashboard/settings");
  await page.getByRole("region", { name: "소셜 로그인 연결" }).getByRole("button", { name: "연결 네이버" }).click();
  await new ProviderPage(page).signInAs(identity);
  await expect(page).toHaveURL(/\/dashboard\/settings\?linked=naver$/);

  await page.goto(secureAccountLink(await waitForSubject(user.email, /A social account was connected/)));
  await page.getByRole("button", { name: "모든 기기에서 로그아웃하고 비밀번호 바꾸기" }).click();
  await expect(page).toHaveURL(/\/reset-password\?secured=1&token=/);
  const recent = page.getByRole("group", { name: "최근 30일 안에 추가된 로그인 수단" });
  await expect(recent.getByRole("checkbox", { name: /^소셜 계정: Naver/ })).toBeChecked();
  await page.getByLabel("새 비밀번호").fill("a completely new passphrase 2027");
  await page.getByRole("button", { name: "비밀번호 바꾸기" }).click();
  await expect(page).toHaveURL(/\/login\?reason=reset$/);

  // The provider the owner did not recognise no longer signs in to the account.
  await page.getByRole("button", { name: "네이버로 계속하기" }).click();
  await new ProviderPage(page).signInAs(identity);
  await expect(page).toHaveURL(/\/onboarding$/);
});
