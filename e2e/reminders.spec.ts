import { expect, test } from "./fixtures";

// Reminders through the event dialog: chosen offsets are saved and shown again after a reload; the
// sixth cannot be chosen.

test("reminders chosen in the dialog are kept after a reload, and at most five can be chosen", async ({ page, signedIn: _ }) => {
  const grid = page.getByRole("grid", { name: "캘린더" });
  await grid
    .locator('[aria-current="date"]')
    .getByRole("button", { name: /에 일정 추가$/ })
    .click();
  await page.getByRole("dialog", { name: "빠른 일정 추가" }).getByRole("button", { name: "더 보기" }).click();
  const dialog = page.getByRole("dialog", { name: "새 일정" });
  await dialog.getByLabel("제목").fill("알림 회의");
  await dialog.getByLabel("시작 (Asia/Seoul)").fill("23:00");
  await dialog.getByLabel("종료 (Asia/Seoul)").fill("23:30");
  const reminders = dialog.getByRole("group", { name: "알림" });
  await reminders.getByRole("checkbox", { name: "10분 전", exact: true }).check();
  await reminders.getByRole("checkbox", { name: "1일 전", exact: true }).check();
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog).toBeHidden();

  await page.reload();
  await grid.getByRole("button", { name: "23:00 알림 회의" }).click();
  const edit = page.getByRole("dialog", { name: "일정 수정" });
  const kept = edit.getByRole("group", { name: "알림" });
  await expect(kept.getByRole("checkbox", { name: "10분 전", exact: true })).toBeChecked();
  await expect(kept.getByRole("checkbox", { name: "1일 전", exact: true })).toBeChecked();
  await expect(kept.getByRole("checkbox", { name: "1시간 전", exact: true })).not.toBeChecked();

  for (const name of ["일정 시작 시간", "5분 전", "15분 전"]) await kept.getByRole("checkbox", { name, exact: true }).check();
  await expect(kept.getByRole("checkbox", { name: "1시간 전", exact: true })).toBeDisabled();
  await kept.getByRole("checkbox", { name: "5분 전", exact: true }).uncheck();
  await expect(kept.getByRole("checkbox", { name: "1시간 전", exact: true })).toBeEnabled();
  await edit.getByRole("button", { name: "저장" }).click();
  await expect(edit).toBeHidden();

  await page.reload();
  await grid.getByRole("button", { name: "23:00 알림 회의" }).click();
  const again = page.getByRole("dialog", { name: "일정 수정" }).getByRole("group", { name: "알림" });
  for (const name of ["일정 시작 시간", "10분 전", "15분 전", "1일 전"]) await expect(again.getByRole("checkbox", { name, exact: true })).toBeChecked();
  await expect(again.getByRole("checkbox", { name: "5분 전", exact: true })).not.toBeChecked();
});
