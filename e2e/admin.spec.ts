import { randomUUID } from "node:crypto";
import { grantAdmin } from "../tests/helpers/admin";
import { expect, holdScripts, hydrated, test } from "./fixtures";

test("an administrator sees the security dashboard, unlocks a locked address with a reason, and finds it in the audit log", async ({
  page,
  user,
  loginPage,
  signedIn: _,
}) => {
  // A USER is sent away from admin pages.
  await page.goto("/admin/security");
  await expect(page).toHaveURL(/\/dashboard$/);

  expect(grantAdmin(user.email, "e2e").status).toBe(0);
  // The role reaches the token at the next sign-in.
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await loginPage.logIn(user.email, user.password);
  await expect(page).toHaveURL(/\/dashboard$/);

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
  await events.getByLabel("이메일").fill(user.email);
  release();
  await hydrated(events.getByRole("button", { name: "필터" }));
  await events.getByRole("button", { name: "필터" }).click();
  const rows = events.getByRole("row").filter({ hasText: user.email });
  await expect(rows).toHaveCount(2);
  await expect(events.locator("tbody").getByRole("row")).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText("로그인");
});
