import { request as playwrightRequest } from "@playwright/test";
import { expect, hydrated, test } from "./fixtures";

test("a personal access token made in settings is shown once, serves a script, and stops at once when revoked", async ({ page, context, signedIn: _, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "개인 액세스 토큰" });
  await expect(panel.getByText("만든 토큰이 없습니다.")).toBeVisible();

  await panel.getByLabel("토큰 이름").fill("내 백업 스크립트");
  await panel.getByLabel("플래너 쓰기 (만들기·바꾸기·지우기)").check();
  await panel.getByLabel("만료").selectOption("7");
  await panel.getByRole("button", { name: "토큰 만들기" }).click();
  const shown = panel.getByRole("textbox", { name: "새 토큰" });
  await expect(shown).toHaveValue(/^tpat_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  await expect(panel.getByRole("status")).toHaveText("토큰을 만들었습니다. 지금 복사해 두세요. 이 화면을 떠나면 다시 볼 수 없습니다.");
  await panel.getByRole("button", { name: "복사" }).click();
  await expect(panel.getByRole("status")).toHaveText("토큰을 복사했습니다.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const row = panel.getByRole("listitem").filter({ hasText: "내 백업 스크립트" });
  await expect(row).toContainText(`${token.slice(0, 11)}…`);
  await expect(row).toContainText("플래너 읽기, 플래너 쓰기 (만들기·바꾸기·지우기)");
  await expect(row).toContainText("사용한 적 없음");

  // A script with the token and nothing else: no cookies, no Origin.
  const script = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const made = await script.post("/api/todos", { data: { title: "스크립트가 만든 할 일" } });
  expect(made.status()).toBe(201);
  expect((await script.get("/api/auth/me")).status()).toBe(403);

  // Shown once: after a reload the list names the token but never shows it again.
  await page.reload();
  await expect(row).toContainText("최근 사용");
  await expect(shown).toHaveCount(0);
  expect(await page.content()).not.toContain(token);

  const revoke = row.getByRole("button", { name: "폐기: 내 백업 스크립트" });
  await hydrated(revoke);
  await revoke.click();
  await expect(panel.getByRole("status")).toHaveText("토큰을 폐기했습니다. 이 토큰을 쓰는 요청은 바로 거절됩니다.");
  await expect(panel.getByText("만든 토큰이 없습니다.")).toBeVisible();
  expect((await script.get("/api/todos")).status()).toBe(401);
  await script.dispose();
});
