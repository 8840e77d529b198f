import { expect, holdScripts, hydrated, test } from "./fixtures";

test("sign up → open the mail → verify → log in → survive a lost access token → log out → guarded again", async ({ page, context, user, signupPage, loginPage, verifyLinkFor }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("하루를 계획하는 가장 안전한 방법");
  await page.getByRole("link", { name: "무료로 시작하기" }).click();
  await expect(page).toHaveURL(/\/signup$/);

  // Submitting without the required consents shows inline errors and keeps what was typed.
  await signupPage.fill(user);
  await signupPage.submit().click();
  await expect(page.getByText("서비스 이용약관에 동의해 주세요.")).toBeVisible();
  await expect(page.getByText("개인정보 처리방침에 동의해 주세요.")).toBeVisible();
  await expect(page.getByLabel("이메일")).toHaveValue(user.email);
  await expect(page.getByLabel("비밀번호")).toHaveValue(user.password);

  await signupPage.acceptRequired();
  await signupPage.submit().click();
  await expect(page).toHaveURL(/\/verify-required\?email=/);
  await expect(page.getByRole("heading", { name: "이메일을 확인해 주세요" })).toBeVisible();

  // Logging in before verifying is refused, and the page offers a resend.
  await loginPage.goto();
  await loginPage.logIn(user.email, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("이메일 인증이 필요합니다");
  await expect(page.getByRole("link", { name: "인증 메일 다시 보내기" })).toBeVisible();

  // The mailed link opens a page that asks for one click: a mail scanner's visit verifies nothing.
  await page.goto(await verifyLinkFor(user.email));
  await expect(page.getByRole("heading", { name: "이메일 인증" })).toBeVisible();
  await page.getByRole("button", { name: "이메일 인증하기" }).click();
  await expect(page).toHaveURL(/\/verified$/);
  await expect(page.getByRole("heading", { name: "이메일 인증 완료" })).toBeVisible();
  await page.getByRole("link", { name: "로그인하기" }).click();

  await loginPage.logIn(user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("grid", { name: "캘린더" })).toBeVisible();

  const cookies = await context.cookies();
  const access = cookies.find((cookie) => cookie.name === "ACCESS_TOKEN");
  const refresh = cookies.find((cookie) => cookie.name === "REFRESH_TOKEN");
  expect(access?.httpOnly && refresh?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain("TOKEN");

  // The access token is gone (as after 15 minutes): a reload stays signed in through the refresh cookie.
  await context.clearCookies({ name: "ACCESS_TOKEN" });
  await page.reload();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("grid", { name: "캘린더" })).toBeVisible();

  // Again, now moving within the app: the client refreshes once and carries on.
  await context.clearCookies({ name: "ACCESS_TOKEN" });
  await page.getByRole("link", { name: "할 일" }).click();
  await expect(page).toHaveURL(/\/dashboard\/todo$/);
  await expect(page.getByRole("heading", { name: "할 일" })).toBeVisible();

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("_TOKEN"))).toEqual([]);

  for (const path of ["/dashboard", "/dashboard/todo", "/dashboard/bucket"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path)}$`));
  }
});

test("a wrong password shows one clear error and keeps the e-mail; the right one honours `next`", async ({ page, user, loginPage, signUpAndVerify }) => {
  await signUpAndVerify();

  await loginPage.goto("/dashboard/bucket");
  await loginPage.logIn(user.email, "not my password at all");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  await expect(loginPage.email()).toHaveValue(user.email);

  await loginPage.password().fill(user.password);
  await loginPage.submit().click();
  await expect(page).toHaveURL(/\/dashboard\/bucket$/);
});

test("signed-in visitors skip the welcome, login and signup pages", async ({ page, user, loginPage, signUpAndVerify }) => {
  await signUpAndVerify();
  await loginPage.goto();
  await loginPage.logIn(user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  for (const path of ["/", "/login", "/signup"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/dashboard$/);
  }
});

test("a used or broken verification link explains itself and offers a way forward", async ({ page }) => {
  await page.goto("/api/auth/verify?token=not-a-token");
  await expect(page).toHaveURL(/\/verify-email\?token=not-a-token$/);
  await page.getByRole("button", { name: "이메일 인증하기" }).click();
  await expect(page).toHaveURL(/\/verify-failed\?reason=invalid$/);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("올바르지 않은 인증 링크");
  await expect(page.getByRole("button", { name: "새 인증 메일 받기" })).toBeVisible();
});

test("the language switcher turns the interface to English and remembers it", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("언어").selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The safest way to plan your days");
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("API calls whose access token lapsed mid-session share one refresh and are retried, unseen by the user", async ({ page, user, loginPage, signUpAndVerify }) => {
  await signUpAndVerify();
  await loginPage.goto();
  await loginPage.logIn(user.email, user.password);
  await expect(page.getByRole("grid", { name: "캘린더" })).toBeVisible();
  await page.goto("/dashboard/settings");
  const signOutOthers = page.getByRole("button", { name: "다른 기기 모두 로그아웃" });
  await hydrated(signOutOthers);

  // After "sign out other devices" the sessions panel reads its two lists again at once (sessions
  // and activity). Each first attempt of those two reaches the real server carrying a stale access
  // token, as when a tab stays open past the token's 15 minutes; the server's own 401 is what the
  // page receives. Retries go out as the browser sends them.
  const watched = /^\/api\/auth\/(sessions|activity)$/;
  const attempted = new Set<string>();
  await page.route(
    (url) => watched.test(url.pathname),
    async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (attempted.has(path)) return route.continue();
      attempted.add(path);
      const headers = await route.request().allHeaders();
      const cookie = (headers.cookie ?? "").replace(/ACCESS_TOKEN=[^;]*/, "ACCESS_TOKEN=stale.token.value");
      await route.fulfill({ response: await route.fetch({ headers: { ...headers, cookie } }) });
    },
  );
  // The fetch wrapper's traffic only: Next's link prefetches take the navigation path (GET refresh), tested elsewhere.
  const calls: string[] = [];
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    const method = response.request().method();
    if (watched.test(path) || (method === "POST" && path === "/api/auth/token/refresh")) calls.push(`${method} ${path} ${response.status()}`);
  });
  await signOutOthers.click();
  // Waits for the five calls; on a timeout the comparison below shows what did happen.
  await expect
    .poll(() => calls.length)
    .toBeGreaterThanOrEqual(5)
    .catch(() => undefined);
  expect([...calls].sort()).toEqual(["GET /api/auth/activity 200", "GET /api/auth/activity 401", "GET /api/auth/sessions 200", "GET /api/auth/sessions 401", "POST /api/auth/token/refresh 200"]);
  await expect(page).toHaveURL(/\/dashboard\/settings$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test.describe("before the page's scripts have run", () => {
  test.describe("with scripts off", () => {
    test.use({ javaScriptEnabled: false });

    test("a login or sign-up form sent anyway keeps the password and e-mail out of the URL", async ({ page, user, loginPage, signupPage }) => {
      await loginPage.goto();
      await loginPage.email().fill(user.email);
      await loginPage.password().fill(user.password);
      await loginPage.password().press("Enter");
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole("heading", { name: "로그인" })).toBeVisible();

      await signupPage.goto();
      await signupPage.fill(user);
      await page.getByLabel("비밀번호").press("Enter");
      await expect(page).toHaveURL(/\/signup$/);
      expect(page.url()).not.toContain(encodeURIComponent(user.email));
    });
  });

  test("what was typed while the scripts loaded is what the form sends", async ({ page, user, loginPage, signUpAndVerify }) => {
    await signUpAndVerify();
    const release = await holdScripts(page);
    await page.goto("/login", { waitUntil: "domcontentloaded" });
    await loginPage.email().fill(user.email);
    await loginPage.password().fill(user.password);
    release();
    await hydrated(loginPage.email());
    await expect(loginPage.email()).toHaveValue(user.email);
    await loginPage.submit().click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("a sign-up filled in and agreed to while the scripts loaded goes through as it was", async ({ page, user, signupPage }) => {
    const release = await holdScripts(page);
    await page.goto("/signup", { waitUntil: "domcontentloaded" });
    await signupPage.fill(user);
    await signupPage.acceptRequired();
    release();
    await hydrated(signupPage.submit());
    await signupPage.submit().click();
    await expect(page).toHaveURL(/\/verify-required/);
  });

  test("a language picked while the scripts loaded is switched to once they have", async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto("/", { waitUntil: "domcontentloaded" });
    await page.getByLabel("언어").selectOption("en");
    release();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The safest way to plan your days");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("'log out' clicked while the scripts load still signs out and ends the session", async ({ page, context, signedIn: _ }) => {
    const refresh = (await context.cookies()).find((cookie) => cookie.name === "REFRESH_TOKEN");
    expect(refresh).toBeDefined();
    const release = await holdScripts(page);
    await page.goto("/dashboard/todo", { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: "로그아웃", exact: true }).click();
    await expect(page).toHaveURL(/\/login$/);
    release();
    expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("_TOKEN"))).toEqual([]);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
    // Ended on the server too: the old refresh token opens nothing.
    const replay = await page.request.post("/api/auth/token/refresh", { headers: { origin: new URL(page.url()).origin, cookie: `REFRESH_TOKEN=${refresh?.value}` } });
    expect(replay.status()).toBe(401);
  });
});
