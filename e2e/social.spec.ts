import type { Page } from "@playwright/test";
import type { SocialProvider } from "../lib/auth/social-providers";
import { waitForMail } from "../tests/helpers/mail";
import { mailedCode, randomIdentity, type TestIdentity } from "../tests/helpers/oauth";
import { forgeToken, validClaims } from "../tests/helpers/tokens";
import { expect, test } from "./fixtures";
import { ProviderPage } from "./pages/provider-page";

const BUTTONS: Record<SocialProvider, string> = { google: "Google로 계속하기", kakao: "카카오로 계속하기", naver: "네이버로 계속하기" };

async function continueWith(page: Page, provider: SocialProvider, identity: TestIdentity | "cancel") {
  const app = new URL(page.url()).origin;
  await page.getByRole("button", { name: BUTTONS[provider] }).click();
  await expect(page).toHaveTitle(/local test provider/);
  const providerPage = new ProviderPage(page);
  if (identity === "cancel") await providerPage.cancel();
  else await providerPage.signInAs(identity);
  // Back in the app, loaded as page.goto would leave it: a field filled before the page's scripts
  // run is reset by React (a CI run sent the e-mail code form empty).
  await page.waitForURL((url) => url.origin === app, { waitUntil: "load" });
}

async function proveEmail(page: Page, email: string, { type }: { type: boolean }) {
  if (type) await page.getByRole("textbox", { name: "이메일 주소" }).fill(email);
  await page.getByRole("button", { name: "인증 코드 보내기" }).click();
  await expect(page.getByText(`${email}(으)로 6자리 코드를 보냈습니다.`)).toBeVisible();
  const [mail] = await waitForMail(email);
  if (!mail) throw new Error(`no code mailed to ${email}`);
  await page.getByLabel("인증 코드").fill(mailedCode(mail));
  await page.getByRole("button", { name: "코드 확인" }).click();
}

async function finishOnboarding(page: Page, nickname: string) {
  await page.getByLabel("닉네임").fill(nickname);
  await page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
  await page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  await page.getByRole("button", { name: "가입 완료" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  // The dashboard may still be loading: its calls, refused after the logout, add ?next= on the way.
  await expect(page).toHaveURL(/\/login(\?next=.*)?$/);
}

for (const provider of ["google", "kakao", "naver"] as const) {
  test(`${provider}: new user → onboarding → dashboard; returning user → dashboard`, async ({ page }) => {
    const identity = randomIdentity(provider);
    await page.goto("/login");
    await continueWith(page, provider, identity);
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole("heading", { name: "가입 마무리" })).toBeVisible();
    // Naver does not vouch for its e-mail: the address is proved by code first.
    if (provider === "naver") await proveEmail(page, identity.email ?? "", { type: false });
    await expect(page.getByText(`인증된 이메일: ${identity.email}`)).toBeVisible();
    await expect(page.getByLabel("닉네임")).toHaveValue(identity.name);
    // The required consents are enforced on the page too.
    await page.getByRole("button", { name: "가입 완료" }).click();
    await expect(page.getByText("서비스 이용약관에 동의해 주세요.")).toBeVisible();
    await finishOnboarding(page, `${provider} 사용자`);

    await logOut(page);
    await page.goto("/");
    await continueWith(page, provider, identity);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
}

test("cancelling at the provider lands on the login page with the reason", async ({ page }) => {
  await page.goto("/login");
  await continueWith(page, "kakao", "cancel");
  await expect(page).toHaveURL(/\/login\?oauth_error=cancelled/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("소셜 로그인을 취소했습니다.");
});

test("kakao without an e-mail: onboarding asks for one and verifies it by code", async ({ page }) => {
  const identity = randomIdentity("kakao", { email: undefined, emailVerified: false });
  const email = `kakao-e2e-${identity.id}@example.test`;
  await page.goto("/login");
  await continueWith(page, "kakao", identity);
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByText("카카오에서 인증된 이메일을 받지 못했습니다", { exact: false })).toBeVisible();
  // A wrong code is refused in place; the right one unlocks the rest.
  await page.getByRole("textbox", { name: "이메일 주소" }).fill(email);
  await page.getByRole("button", { name: "인증 코드 보내기" }).click();
  const [mail] = await waitForMail(email);
  if (!mail) throw new Error("no code");
  const code = mailedCode(mail);
  await page.getByLabel("인증 코드").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "코드 확인" }).click();
  await expect(page.getByText("코드가 올바르지 않습니다.")).toBeVisible();
  await page.getByLabel("인증 코드").fill(code);
  await page.getByRole("button", { name: "코드 확인" }).click();
  await expect(page.getByText(`인증된 이메일: ${email}`)).toBeVisible();
  await finishOnboarding(page, "하은");
});

test("linking a provider to an existing password account needs that account's password", async ({ page, user, signUpAndVerify }) => {
  await signUpAndVerify();
  const identity = randomIdentity("google", { email: user.email });
  await page.goto("/login");
  await continueWith(page, "google", identity);
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "이미 가입된 이메일입니다" })).toBeVisible();
  await page.getByLabel("비밀번호").fill("not the password at all");
  await page.getByRole("button", { name: "비밀번호로 확인하고 연결" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("현재 비밀번호가 올바르지 않습니다.");
  await page.getByLabel("비밀번호").fill(user.password);
  await page.getByRole("button", { name: "비밀번호로 확인하고 연결" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // Settings list the connection; the password account can drop it again.
  await page.goto("/dashboard/settings");
  const providers = page.getByRole("region", { name: "소셜 로그인 연결" });
  await expect(providers.getByText(`연결됨 · ${user.email}`)).toBeVisible();
  await providers.getByRole("button", { name: "연결 해제 Google" }).click();
  await expect(providers.getByRole("status")).toHaveText("Google 연결을 해제했습니다.");
  await expect(providers.getByRole("button", { name: "연결 Google" })).toBeVisible();
});

test("a signed-in user connects Naver from settings and then signs in with it", async ({ page, signedIn }) => {
  void signedIn;
  const identity = randomIdentity("naver");
  await page.goto("/dashboard/settings");
  const providers = page.getByRole("region", { name: "소셜 로그인 연결" });
  await providers.getByRole("button", { name: "연결 네이버" }).click();
  await new ProviderPage(page).signInAs(identity);
  await expect(page).toHaveURL(/\/dashboard\/settings\?linked=naver$/);
  await expect(page.getByRole("region", { name: "소셜 로그인 연결" }).getByRole("status")).toHaveText("네이버 계정을 연결했습니다.");
  await logOut(page);
  await page.goto("/login");
  await continueWith(page, "naver", identity);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("an abandoned onboarding resumes within 30 minutes and starts over after", async ({ page, context, baseURL }) => {
  const identity = randomIdentity("google");
  await page.goto("/login");
  await continueWith(page, "google", identity);
  await expect(page).toHaveURL(/\/onboarding$/);
  // Wander off and come back: the same step is still there.
  await page.goto("/terms");
  await page.goto("/onboarding");
  await expect(page.getByRole("heading", { name: "가입 마무리" })).toBeVisible();

  // Thirty minutes later the token has lapsed: back to the login page, told why.
  const now = Math.floor(Date.now() / 1000);
  const expired = await forgeToken(validClaims({ tokenType: "ONBOARDING", email: identity.email, iat: now - 31 * 60, exp: now - 60 }));
  await context.addCookies([{ name: "ONBOARDING_TOKEN", value: expired, url: baseURL ?? "" }]);
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/login\?oauth_error=expired$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("가입 단계가 30분이 지나 만료되었습니다. 소셜 로그인부터 다시 시작해 주세요.");
});

test.describe("a new Kakao user far from Korea", () => {
  // Los Angeles: most of the day its date is not Seoul's, and never the server's UTC clock time.
  test.use({ timezoneId: "America/Los_Angeles" });

  test("onboarding says its deadline in the browser's time, and the first calendar marks the browser's today, with no hydration mismatch", async ({ page }) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => {
      if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text())) problems.push(message.text());
    });
    await page.goto("/login");
    await continueWith(page, "kakao", randomIdentity("kakao"));
    await expect(page).toHaveURL(/\/onboarding$/);
    const view = await (await page.request.get("/api/auth/onboarding")).json();
    const until = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "America/Los_Angeles" }).format(new Date(view.onboarding.expiresAt));
    await expect(page.getByText(`이 화면은 ${until}까지 유지됩니다.`)).toBeVisible();
    await finishOnboarding(page, "캘리포니아 사용자");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", day: "numeric" }).format(new Date());
    await expect(page.locator('[role="gridcell"][aria-current="date"] > button').first()).toHaveText(new RegExp(`^${today},`));
    expect(problems).toEqual([]);
  });
});
