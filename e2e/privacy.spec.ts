import { closeTestDb, testDb } from "../tests/helpers/db";
import { expect, test } from "./fixtures";

test.afterAll(closeTestDb);

test("new terms are asked for again; marketing consent is withdrawn and given from settings", async ({ page, user, signedIn: _ }) => {
  await testDb().query(`UPDATE "Consent" SET version = '2020-01-01' FROM "User" u WHERE u.id = "Consent"."userId" AND u.email = $1 AND kind = 'PRIVACY'`, [user.email]);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/consent\?next=%2Fdashboard$/);
  await expect(page.getByRole("heading", { name: "약관이 바뀌었습니다" })).toBeVisible();
  await page.getByRole("button", { name: "동의하고 계속하기" }).click();
  await expect(page.getByText("개인정보 처리방침에 동의해 주세요.")).toBeVisible();
  await page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
  await page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  await page.getByRole("button", { name: "동의하고 계속하기" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "개인정보" });
  await expect(panel.getByTestId("marketing-status")).toContainText("마케팅 정보 수신: 동의하지 않음");
  await panel.getByRole("button", { name: "마케팅 정보 수신 동의하기" }).click();
  await expect(panel.getByRole("status")).toHaveText("마케팅 정보 수신에 동의했습니다.");
  await panel.getByRole("button", { name: "마케팅 정보 수신 동의 철회" }).click();
  await expect(panel.getByRole("status")).toHaveText("마케팅 정보 수신 동의를 철회했습니다.");
  const download = page.waitForEvent("download");
  await panel.getByRole("link", { name: "내 데이터 내려받기 (JSON)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^tropical-data-\d{4}-\d{2}-\d{2}\.json$/);
});
