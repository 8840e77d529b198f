import type { BrowserContext, Page } from "@playwright/test";
import { timeStep, totpCode } from "../lib/auth/totp";
import { closeTestDb, testDb } from "../tests/helpers/db";
import { randomIdentity } from "../tests/helpers/oauth";
import { addVirtualAuthenticator, expect, holdScripts, hydrated, test } from "./fixtures";
import { ProviderPage } from "./pages/provider-page";

test.afterAll(closeTestDb);

// Today's offset of a zone, as the picker labels it ("GMT-5" in New York's winter, "GMT-4" in its summer).
function offsetOf(zone: string): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(new Date()).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  return name === "GMT" ? "GMT+0" : name;
}

async function inViewport(page: Page, name: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeInViewport();
}

async function signUpWithGoogle(page: Page, context: BrowserContext, baseURL: string | undefined, language: "ko" | "en" = "ko") {
  if (language === "en") await context.addCookies([{ name: "lang", value: "en", url: baseURL ?? "" }]);
  const identity = randomIdentity("google");
  await page.goto("/login");
  await page.getByRole("button", { name: language === "en" ? "Continue with Google" : "Google로 계속하기" }).click();
  await new ProviderPage(page).signInAs(identity);
  await page.waitForURL(/\/onboarding$/, { waitUntil: "load" });
  await page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
  await page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  await page.getByRole("button", { name: "가입 완료" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  return identity;
}

test("settings come in five sections, each reached from the section list by keyboard and by its address", async ({ page, isMobile, signedIn: _ }) => {
  await page.goto("/dashboard/settings");
  const nav = page.getByRole("navigation", { name: "설정 메뉴" });
  const links = nav.getByRole("link");
  await expect(links).toHaveText(["프로필", "캘린더", "보안", "연결된 계정", "알림/마케팅"]);
  const main = page.getByRole("main");
  const [navBox, firstSection] = [await nav.boundingBox(), await page.getByRole("heading", { level: 2, name: "프로필" }).boundingBox()];
  if (!navBox || !firstSection) throw new Error("not laid out");
  // A list beside the page on a wide screen; a row above it on a phone.
  if (isMobile) expect(navBox.y + navBox.height).toBeLessThanOrEqual(firstSection.y);
  else expect(navBox.x + navBox.width).toBeLessThanOrEqual(firstSection.x);

  await hydrated(nav.getByRole("link", { name: "보안" }));
  await nav.getByRole("link", { name: "캘린더" }).focus();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "보안" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/settings#security$/);
  await inViewport(page, "보안");
  await expect(nav.getByRole("link", { name: "보안" })).toHaveAttribute("aria-current", "location");

  // Marketing consent, the data download and browser notifications live under 알림/마케팅.
  await page.goto("/dashboard/settings#notifications");
  await inViewport(page, "알림/마케팅");
  const notifications = main.locator("section#notifications");
  await expect(notifications.getByRole("region", { name: "개인정보" }).getByRole("link", { name: "내 데이터 내려받기 (JSON)" })).toBeVisible();
  await expect(notifications.getByRole("region", { name: "개인정보" }).getByRole("button", { name: "마케팅 정보 수신 동의하기" })).toBeVisible();
  await expect(notifications.getByRole("region", { name: "브라우저 알림" })).toBeVisible();
  await expect(main.locator("section#security").getByRole("region", { name: "패스키" })).toBeVisible();
  await expect(main.locator("section#accounts").getByRole("region", { name: "소셜 로그인 연결" })).toBeVisible();
});

test("every panel arrives with the page: lists are there before its scripts run, and nothing says it is loading", async ({ page, signedIn: _ }) => {
  const release = await holdScripts(page);
  await page.goto("/dashboard/settings", { waitUntil: "domcontentloaded" });
  const main = page.getByRole("main");
  await expect(main.getByRole("region", { name: "패스키" }).getByText("등록된 패스키가 없습니다.")).toBeVisible();
  await expect(main.getByRole("list", { name: "로그인된 기기" }).getByRole("listitem")).toHaveCount(1);
  await expect(main.getByRole("list", { name: "로그인된 기기" }).getByText("현재 기기")).toBeVisible();
  await expect(main.getByRole("list", { name: "알고 있는 기기" }).getByText("현재 기기")).toBeVisible();
  await expect(main.getByRole("list", { name: "최근 활동" }).getByRole("listitem").first()).toBeVisible();
  await expect(main.getByRole("region", { name: "2단계 인증 (인증 앱)" }).getByRole("button", { name: "설정하기" })).toBeVisible();
  await expect(
    main
      .getByRole("region", { name: "소셜 로그인 연결" })
      .getByRole("button", { name: /^연결 / })
      .first(),
  ).toBeVisible();
  await expect(main.getByText("불러오는 중…")).toHaveCount(0);
  release();
});

test("the time zone is found by city in Korean, by offset and by IANA id, picked with the keyboard, and saved as the IANA id", async ({ page, signedIn: _ }) => {
  await page.goto("/dashboard/settings#calendar");
  const zone = page.getByRole("combobox", { name: "시간대" });
  await expect(zone).toHaveValue("서울 (GMT+9)");
  await hydrated(zone);
  const options = page.getByRole("listbox", { name: "시간대" }).getByRole("option");

  await zone.fill("뉴욕");
  await expect(zone).toHaveAttribute("aria-expanded", "true");
  await expect(options).toHaveText([`뉴욕 (${offsetOf("America/New_York")})America/New_York`]);
  // Escape closes the list and puts the chosen zone back.
  await zone.press("Escape");
  await expect(zone).toHaveAttribute("aria-expanded", "false");
  await expect(zone).toHaveValue("서울 (GMT+9)");

  await zone.fill("GMT+9");
  await expect(options.filter({ hasText: "서울 (GMT+9)" })).toHaveCount(1);
  await expect(options.filter({ hasText: "도쿄 (GMT+9)" })).toHaveCount(1);
  await expect(options.filter({ hasText: "GMT+9:30" })).toHaveCount(0);
  await expect(options.filter({ hasText: "GMT+10" })).toHaveCount(0);

  // The arrows move the marked option while the input keeps focus; Enter picks it.
  await zone.press("ArrowDown");
  await expect(zone).toHaveAttribute("aria-activedescendant", /-option-1$/);
  await zone.press("ArrowUp");
  await expect(zone).toHaveAttribute("aria-activedescendant", /-option-0$/);
  const first = (await options.first().locator("span").first().textContent()) ?? "";
  await zone.press("Enter");
  await expect(zone).toHaveAttribute("aria-expanded", "false");
  await expect(zone).toHaveValue(first);
  await expect(zone).toBeFocused();

  await zone.fill("america/new_y");
  await expect(options).toHaveCount(1);

  await zone.fill("뉴욕");
  await zone.press("Enter");
  await expect(zone).toHaveValue(`뉴욕 (${offsetOf("America/New_York")})`);
  await page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "설정을 저장했습니다." })).toBeVisible();
  expect(((await (await page.request.get("/api/settings")).json()) as { settings: { timeZone: string } }).settings.timeZone).toBe("America/New_York");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "시간대" })).toHaveValue(`뉴욕 (${offsetOf("America/New_York")})`);
});

test("in English the zones are named in English and found by English city names", async ({ page, context, baseURL, signedIn: _ }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL ?? "" }]);
  await page.goto("/dashboard/settings#calendar");
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await expect(zone).toHaveValue("Seoul (GMT+9)");
  await hydrated(zone);
  await zone.fill("new york");
  await expect(page.getByRole("option", { name: new RegExp(`^New York \\(${offsetOf("America/New_York").replace("+", "\\+")}\\)`) })).toBeVisible();
  // Zones without a name of their own are called by their IANA city, underscores as spaces.
  await zone.fill("port moresby");
  await expect(page.getByRole("option", { name: /^Port Moresby \(GMT\+10\)/ })).toBeVisible();
});

test("an account that signed up with Google sets a password in Security, then signs in with it", async ({ page, context, baseURL }) => {
  const identity = await signUpWithGoogle(page, context, baseURL);
  await page.goto("/dashboard/settings#security");
  const security = page.getByRole("main").locator("section#security");
  await expect(security.getByRole("form", { name: "비밀번호 변경" })).toHaveCount(0);
  const form = security.getByRole("form", { name: "비밀번호 설정" });
  await hydrated(form.getByRole("button", { name: "비밀번호 설정" }));
  const password = "a first passphrase for 2027";
  await form.getByLabel("새 비밀번호", { exact: true }).fill(password);
  await expect(form.getByText(/비밀번호 강도:/)).toBeVisible();
  await form.getByLabel("새 비밀번호 확인").fill(`${password}!`);
  await form.getByRole("button", { name: "비밀번호 설정" }).click();
  await expect(form.getByText("두 비밀번호가 서로 다릅니다.")).toBeVisible();
  await form.getByLabel("새 비밀번호 확인").fill(password);
  await form.getByRole("button", { name: "비밀번호 설정" }).click();
  const change = security.getByRole("form", { name: "비밀번호 변경" });
  await expect(change.getByRole("status")).toHaveText("비밀번호를 정했습니다. 이제 이메일과 비밀번호로도 로그인할 수 있습니다.");
  // With a password, two-step verification is offered too.
  await expect(security.getByRole("region", { name: "2단계 인증 (인증 앱)" })).toBeVisible();

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await page.waitForURL(/\/login(\?|$)/);
  await page.getByLabel("이메일").fill(identity.email ?? "");
  await page.getByLabel("비밀번호", { exact: true }).fill(password);
  await page.getByRole("button", { name: "로그인", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("the 'add a passkey' banner goes once a passkey is added, without reloading", async ({ page, context, signedIn: _ }) => {
  await addVirtualAuthenticator(context, page);
  const banner = page.getByRole("complementary", { name: "패스키" });
  await banner.getByRole("link", { name: "패스키 추가하기" }).click();
  await expect(page).toHaveURL(/#passkeys$/);
  const panel = page.getByRole("region", { name: "패스키" });
  await hydrated(panel.getByRole("button", { name: "패스키 추가" }));
  await panel.getByRole("button", { name: "패스키 추가" }).click();
  await expect(panel.getByText("패스키를 추가했습니다.")).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test("the authenticator setup can be cancelled: the secret is dropped and focus returns to 'set up'", async ({ page, user, signedIn: _ }) => {
  await page.goto("/dashboard/settings#security");
  const panel = page.getByRole("region", { name: "2단계 인증 (인증 앱)" });
  const setUp = panel.getByRole("button", { name: "설정하기" });
  await hydrated(setUp);
  await setUp.click();
  await expect(panel.getByRole("img", { name: "인증 앱용 QR 코드" })).toBeVisible();
  const secret = (await panel.getByTestId("totp-secret").textContent()) ?? "";
  await panel.getByRole("button", { name: "취소" }).click();
  await expect(panel.getByRole("img", { name: "인증 앱용 QR 코드" })).toHaveCount(0);
  await expect(setUp).toBeFocused();
  await expect.poll(async () => (await testDb().query(`SELECT "totpPendingSecret" FROM "User" WHERE email = $1`, [user.email])).rows[0]?.totpPendingSecret).toBeNull();
  // The code the app would now show turns nothing on.
  const origin = new URL(page.url()).origin;
  expect((await page.request.post("/api/auth/2fa/totp/enable", { data: { code: totpCode(secret, timeStep()) }, headers: { origin } })).status()).toBe(400);
  await page.reload();
  await expect(page.getByRole("region", { name: "2단계 인증 (인증 앱)" }).getByRole("button", { name: "설정하기" })).toBeVisible();
});

test("the second sign-in step hides the provider buttons and offers 'use another account', which starts over empty", async ({ page, context, user, loginPage, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  const setup = (await (await page.request.post("/api/auth/2fa/totp/setup", { headers: { origin } })).json()) as { secret: string };
  expect((await page.request.post("/api/auth/2fa/totp/enable", { data: { code: totpCode(setup.secret, timeStep()) }, headers: { origin } })).status()).toBe(200);
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page.getByRole("button", { name: "Google로 계속하기" })).toBeVisible();
  await loginPage.logIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: "2단계 인증" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Google로 계속하기" })).toHaveCount(0);
  expect((await context.cookies()).some((cookie) => cookie.name === "MFA_TOKEN")).toBe(true);

  await page.getByRole("button", { name: "다른 계정으로 로그인" }).click();
  await expect(loginPage.email()).toHaveValue("");
  await expect(loginPage.email()).toBeVisible();
  await expect(page.getByRole("button", { name: "Google로 계속하기" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "2단계 인증" })).toHaveCount(0);
  expect((await context.cookies()).some((cookie) => cookie.name === "MFA_TOKEN")).toBe(false);
});
