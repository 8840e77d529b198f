import { timeStep, totpCode } from "../lib/auth/totp";
import { randomAddress } from "../tests/helpers/http";
import { closeTestDb } from "../tests/helpers/db";
import { addVirtualAuthenticator, expect, hydrated, makeSessionStale, test } from "./fixtures";

test.afterAll(closeTestDb);

test("register a passkey, log out, and sign in with it alone (Chromium's virtual authenticator)", async ({ page, context, user, signedIn: _ }) => {
  await addVirtualAuthenticator(context, page);

  // After a password sign-in the dashboard offers a passkey.
  await page.getByRole("complementary", { name: "패스키" }).getByRole("link", { name: "패스키 추가하기" }).click();
  const panel = page.getByRole("region", { name: "패스키" });
  await expect(panel.getByText("등록된 패스키가 없습니다.")).toBeVisible();
  await panel.getByRole("button", { name: "패스키 추가" }).click();
  await expect(panel.getByRole("status").or(panel.getByText("패스키를 추가했습니다."))).toBeVisible();
  const list = panel.getByRole("list", { name: "패스키" });
  await expect(list.getByRole("listitem")).toHaveCount(1);

  await panel.getByRole("button", { name: /^이름 바꾸기:/ }).click();
  await panel.getByLabel("패스키 이름").fill("내 노트북");
  await panel.getByRole("button", { name: "저장" }).click();
  await expect(list.getByText("내 노트북")).toBeVisible();

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  const signIn = page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/auth/passkeys/login");
  await page.getByRole("button", { name: "패스키로 로그인" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("complementary", { name: "패스키" })).toHaveCount(0);

  // The browser's signed assertion, sent again: its challenge was good once, so it opens nothing.
  const replay = await page.request.post("/api/auth/passkeys/login", {
    data: (await signIn).postDataJSON(),
    headers: { origin: new URL(page.url()).origin },
  });
  expect(replay.status()).toBe(401);

  // Signed in without the password; the passkey shows its first use.
  await page.getByRole("link", { name: "설정" }).click();
  await expect(list.getByText(/최근 사용/)).toBeVisible();
  await expect(page.getByRole("list", { name: "최근 활동" }).getByText("패스키 추가")).toBeVisible();
  expect(user.email).toContain("@");
});

test("turn on TOTP, then sign in with a code, and once more with a recovery code", async ({ page, user, loginPage, signedIn: _ }) => {
  await page.getByRole("link", { name: "설정" }).click();
  const panel = page.getByRole("region", { name: "2단계 인증 (인증 앱)" });
  await panel.getByRole("button", { name: "설정하기" }).click();
  await expect(panel.getByRole("img", { name: "인증 앱용 QR 코드" })).toBeVisible();
  const secret = (await panel.getByTestId("totp-secret").textContent()) ?? "";
  await panel.getByLabel("인증 코드").fill(totpCode(secret, timeStep()));
  await panel.getByRole("button", { name: "켜기" }).click();
  const codes = panel.getByRole("list", { name: "복구 코드" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  const recovery = (await codes.getByRole("listitem").first().textContent()) ?? "";
  await panel.getByRole("button", { name: "완료" }).click();
  await expect(panel.getByTestId("totp-status")).toHaveText("켜져 있습니다. 남은 복구 코드: 10개");

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await expect(page.getByRole("heading", { name: "2단계 인증" })).toBeVisible();
  await page.getByLabel("인증 코드").fill("000000");
  await page.getByRole("button", { name: "확인" }).click();
  await expect(page.getByText("인증 코드가 올바르지 않거나 이미 사용되었습니다.")).toBeVisible();
  // A step after the one used to turn it on: each code is good once.
  await page.getByLabel("인증 코드").fill(totpCode(secret, timeStep() + 1));
  await page.getByRole("button", { name: "확인" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await page.getByRole("button", { name: "복구 코드 사용하기" }).click();
  await page.getByLabel("복구 코드").fill(recovery);
  await page.getByRole("button", { name: "확인" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "설정" }).click();
  await expect(page.getByTestId("totp-status")).toHaveText("켜져 있습니다. 남은 복구 코드: 9개");
});

test("after too many wrong proofs, the step-up dialog says how long to wait, in the page's language", async ({ page, context, user, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  const post = (path: string, data?: unknown) => page.request.post(path, { data, headers: { origin } });
  const { secret } = (await (await post("/api/auth/2fa/totp/setup")).json()) as { secret: string };
  expect((await post("/api/auth/2fa/totp/enable", { code: totpCode(secret, timeStep()) })).status()).toBe(200);
  for (let attempt = 0; attempt < 15; attempt++) expect((await post("/api/auth/reauth", { password: `guess ${attempt}`, code: "000000" })).status()).toBe(400);
  await makeSessionStale(context);

  await page.getByRole("link", { name: "설정" }).click();
  const panel = page.getByRole("region", { name: "2단계 인증 (인증 앱)" });
  await panel.getByRole("button", { name: "끄기" }).click();
  const dialog = page.getByRole("dialog", { name: "본인 확인" });
  await dialog.getByLabel("비밀번호").fill(user.password);
  await dialog.getByLabel("인증 코드").fill(totpCode(secret, timeStep() + 1));
  await dialog.getByRole("button", { name: "확인", exact: true }).click();
  await expect(dialog.getByText(/^시도가 너무 많습니다\. \d+초 후에 다시 시도해 주세요\.$/)).toBeVisible();
  await dialog.getByRole("button", { name: "취소" }).click();
  await expect(panel.getByTestId("totp-status")).toHaveText("켜져 있습니다. 남은 복구 코드: 10개");
});

test("over the address's sign-in limit, the passkey button says how long to wait, in the page's language", async ({ page, context }) => {
  // The stack trusts one proxy hop, so this address is the test's own and so is its limit.
  const address = { "x-forwarded-for": randomAddress() };
  await context.setExtraHTTPHeaders(address);
  await page.goto("/login");
  const origin = new URL(page.url()).origin;
  for (let attempt = 0; attempt < 60; attempt++) {
    expect((await page.request.post("/api/auth/passkeys/login/options", { headers: { origin, ...address } })).status()).toBe(200);
  }
  const button = page.getByRole("button", { name: "패스키로 로그인" });
  await hydrated(button);
  await button.click();
  await expect(page.getByText(/^시도가 너무 많습니다\. \d+초 후에 다시 시도해 주세요\.$/)).toBeVisible();
  await expect(button).toBeEnabled();
});
