import { randomUUID } from "node:crypto";
import { grantAdmin } from "../tests/helpers/admin";
import { addVirtualAuthenticator, expect, holdScripts, hydrated, test } from "./fixtures";

test("an administrator sees the security dashboard, unlocks a locked address with a reason, and finds it in the audit log", async ({ page, context, user, loginPage, signedIn: _ }) => {
  // A USER is sent away from admin pages.
  await page.goto("/admin/security");
  await expect(page).toHaveURL(/\/dashboard$/);

  expect(grantAdmin(user.email, "e2e").status).toBe(0);
  // The role reaches the token at the next sign-in.
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);

  // An administrator without a second factor is sent to add one first.
  await page.goto("/admin/security");
  await expect(page).toHaveURL(/\/dashboard\/settings\?admin=second-factor$/);
  await expect(page.getByText("관리자 페이지에 들어가려면 먼저 아래에서 2단계 인증(인증 앱)이나 패스키를 추가해 주세요.")).toBeVisible();
  await addVirtualAuthenticator(context, page);
  const passkeys = page.getByRole("region", { name: "패스키" });
  await passkeys.getByRole("button", { name: "패스키 추가" }).click();
  await expect(passkeys.getByText("패스키를 추가했습니다.")).toBeVisible();

  // Someone hammers an address until it locks.
  const victim = `victim-${randomUUID().slice(0, 8)}@example.test`;
  const origin = new URL(page.url()).origin;
  for (let attempt = 0; attempt < 5; attempt++) {
    await page.request.post("/api/auth/login", { data: { email: victim, password: `guess ${attempt}` }, headers: { origin } });
  }

  await page.goto("/admin/security");
  await expect(page.getByRole("heading", { name: "보안 대시보드" })).toBeVisible();
  await expect(page.getByRole("img", { name: /최근 14일 로그인/ })).toBeVisible();
  const locked = page.getByRole("region", { name: "잠긴 주소" });
  await expect(locked.getByText(victim)).toBeVisible();
  expect(Number(await page.getByTestId("failures-week").textContent())).toBeGreaterThanOrEqual(5);

  const form = page.getByRole("form", { name: "사용자 조치" });
  await form.getByLabel("이메일").fill(victim);
  await form.getByRole("button", { name: "잠금 해제" }).click();
  await expect(form.getByText("사유를 적어 주세요 (감사 로그에 남습니다).")).toBeVisible();
  await form.getByLabel("사유").fill("owner confirmed by phone");
  await form.getByRole("button", { name: "잠금 해제" }).click();
  await expect(form.getByRole("status")).toHaveText("처리했고 감사 로그에 남겼습니다.");
  await expect(locked.getByText(victim)).toHaveCount(0);
  // Refusals are told in the page's language, not the server's English "Not found.".
  await form.getByLabel("사유").fill("checking twice");
  await form.getByRole("button", { name: "잠금 해제" }).click();
  await expect(form.getByRole("alert")).toHaveText("이 주소에는 기록된 로그인 실패가 없어 해제할 잠금이 없습니다.");
  await form.getByLabel("이메일").fill(`nobody-${randomUUID().slice(0, 8)}@example.test`);
  await form.getByRole("button", { name: "모든 세션 종료" }).click();
  await expect(form.getByRole("alert")).toHaveText("이 이메일을 쓰는 계정이 없습니다.");

  await page.getByRole("link", { name: "감사 로그" }).click();
  const audit = page.getByRole("region", { name: "감사 로그" });
  await audit.getByLabel("검색").fill(victim);
  await audit.getByRole("button", { name: "필터" }).click();
  const entry = audit.getByRole("row").filter({ hasText: victim });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("ACCOUNT_UNLOCKED");
  await expect(entry).toContainText("owner confirmed by phone");
  await expect(entry).toContainText(user.email);

  // Filters chosen while the page's scripts load are the ones applied.
  const release = await holdScripts(page);
  await page.goto("/admin/security", { waitUntil: "domcontentloaded" });
  const events = page.getByRole("region", { name: "최근 보안 이벤트" });
  await events.getByLabel("필터").selectOption("LOGIN_SUCCESS");
  await events.getByLabel("이메일", { exact: true }).fill(user.email);
  release();
  await hydrated(events.getByRole("button", { name: "필터" }));
  await events.getByRole("button", { name: "필터" }).click();
  const rows = events.getByRole("row").filter({ hasText: user.email });
  await expect(rows).toHaveCount(2);
  await expect(events.locator("tbody").getByRole("row")).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText("로그인");
});

test("an administrator finds an account, disables it with a reason, and enables it again", async ({ page, context, user, signedIn: _ }) => {
  expect(grantAdmin(user.email, "e2e").status).toBe(0);
  await addVirtualAuthenticator(context, page);
  await page.goto("/dashboard/settings");
  await page.getByRole("region", { name: "패스키" }).getByRole("button", { name: "패스키 추가" }).click();
  await expect(page.getByText("패스키를 추가했습니다.")).toBeVisible();
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  // An administrator whose second factor is a passkey acts only after proving it with the passkey.
  await page.getByRole("button", { name: "패스키로 로그인" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The account to act on, signed up through the API.
  const target = `target-${randomUUID().slice(0, 8)}@example.test`;
  const origin = new URL(page.url()).origin;
  expect(
    (
      await page.request.post("/api/auth/signup", {
        data: { email: target, password: "a long enough passphrase 9", nickname: "Target", consents: { terms: true, privacy: true } },
        headers: { origin },
      })
    ).status(),
  ).toBe(201);

  await page.goto("/admin/users");
  const table = page.getByRole("region", { name: "사용자" });
  await table.getByLabel("검색").fill(target);
  await table.getByRole("button", { name: "필터" }).click();
  await table.getByRole("button", { name: `선택: ${target}` }).click();
  const form = page.getByRole("form", { name: "사용자 조치" });
  await expect(form.getByLabel("이메일")).toHaveValue(target);
  await form.getByLabel("사유").fill("spam reports");
  await form.getByRole("button", { name: "계정 사용 중지" }).click();
  await expect(form.getByRole("status")).toHaveText("처리했고 감사 로그에 남겼습니다.");
  await table.getByRole("button", { name: "필터" }).click();
  await expect(table.getByRole("row").filter({ hasText: target })).toContainText("사용 중지됨");
  await form.getByLabel("사유").fill("appeal accepted");
  await form.getByRole("button", { name: "다시 사용하게 하기" }).click();
  await table.getByRole("button", { name: "필터" }).click();
  await expect(table.getByRole("row").filter({ hasText: target })).not.toContainText("사용 중지됨");
});
