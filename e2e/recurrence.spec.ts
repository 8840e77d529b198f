import type { Page } from "@playwright/test";
import { expect, hydrated, test, todayInBrowserZone } from "./fixtures";

// Repeating events through the UI: the server expands them per month viewed, in Asia/Seoul.

async function openNewEventToday(page: Page) {
  await page
    .getByRole("grid", { name: "캘린더" })
    .locator('[aria-current="date"]')
    .getByRole("button", { name: /에 일정 추가$/ })
    .click();
  await page.getByRole("dialog", { name: "빠른 일정 추가" }).getByRole("button", { name: "더 보기" }).click();
  const dialog = page.getByRole("dialog", { name: "새 일정" });
  await expect(dialog).toBeVisible();
  return dialog;
}

// One step of the month view, waiting for that month's events: the days change at once, the
// occurrences drawn on them come with the answer.
async function step(page: Page, name: "이전" | "다음") {
  const loaded = page.waitForResponse((response) => response.url().includes("/api/events?"));
  await page.getByRole("button", { name }).click();
  await loaded;
}

// Moves the month view to `year`-`month` with the 이전/다음 buttons, from the month it shows.
async function goToMonth(page: Page, year: number, month: number) {
  const heading = page.getByRole("heading", { level: 1 });
  const [shownYear = 0, shownMonth = 0] = ((await heading.textContent()) ?? "").match(/\d+/g)?.map(Number) ?? [];
  const steps = (year - shownYear) * 12 + month - shownMonth;
  for (let count = 0; count < Math.abs(steps); count += 1) await step(page, steps > 0 ? "다음" : "이전");
  await expect(heading).toHaveText(`${year}년 ${month}월`);
}

test("a weekly event repeats into the next month; 'this and following' changes only the later ones", async ({ page, signedIn: _ }) => {
  const grid = page.getByRole("grid", { name: "캘린더" });
  const dialog = await openNewEventToday(page);
  await dialog.getByLabel("제목").fill("주간 회의");
  await dialog.getByLabel("시작 (Asia/Seoul)").fill("10:00");
  await dialog.getByLabel("종료 (Asia/Seoul)").fill("11:00");
  await dialog.getByLabel("반복", { exact: true }).selectOption({ label: "매주" });
  // The start's own weekday is chosen to begin with.
  const weekday = new Intl.DateTimeFormat("ko-KR", { weekday: "long", timeZone: "UTC" }).format(new Date(`${todayInBrowserZone()}T00:00:00Z`));
  await expect(dialog.getByRole("checkbox", { name: weekday })).toBeChecked();
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog).toBeHidden();
  await expect(grid.getByRole("button", { name: "10:00 주간 회의" }).first()).toBeVisible();

  await step(page, "다음");
  const next = grid.getByRole("button", { name: "10:00 주간 회의" });
  await expect(next.nth(3)).toBeVisible();
  const weeks = await next.count();

  // The second occurrence of this view moves to 14:00, with those after it.
  await next.nth(1).click();
  const edit = page.getByRole("dialog", { name: "일정 수정" });
  await expect(edit.getByLabel("반복", { exact: true })).toHaveValue("WEEKLY");
  await edit.getByLabel("시작 (Asia/Seoul)").fill("14:00");
  await edit.getByLabel("종료 (Asia/Seoul)").fill("15:00");
  await edit.getByRole("button", { name: "저장" }).click();
  const scope = edit.getByRole("group", { name: "반복 일정을 어떻게 수정할까요?" });
  await expect(scope.getByRole("radio", { name: "이 일정", exact: true })).toBeChecked();
  await scope.getByRole("radio", { name: "이 일정 및 향후 일정" }).check();
  await scope.getByRole("button", { name: "확인" }).click();
  await expect(edit).toBeHidden();
  await expect(grid.getByRole("button", { name: "14:00 주간 회의" })).toHaveCount(weeks - 1);
  await expect(grid.getByRole("button", { name: "10:00 주간 회의" })).toHaveCount(1);

  // Earlier weeks are as they were.
  await step(page, "이전");
  await expect(grid.getByRole("button", { name: "10:00 주간 회의" }).first()).toBeVisible();
  await expect(grid.getByRole("button", { name: "14:00 주간 회의" })).toHaveCount(0);

  // Still split after a reload, and one later week can be cancelled alone.
  await page.reload();
  await hydrated(page.getByRole("button", { name: "다음" }));
  await step(page, "다음");
  await expect(grid.getByRole("button", { name: "14:00 주간 회의" })).toHaveCount(weeks - 1);
  await grid.getByRole("button", { name: "14:00 주간 회의" }).last().click();
  await page.getByRole("dialog", { name: "일정 수정" }).getByRole("button", { name: "삭제" }).click();
  const remove = page.getByRole("group", { name: "반복 일정을 어떻게 삭제할까요?" });
  await remove.getByRole("button", { name: "확인" }).click();
  await expect(grid.getByRole("button", { name: "14:00 주간 회의" })).toHaveCount(weeks - 2);
});

test("a lunar yearly birthday falls on its lunar date in each year: 음력 1월 1일 on 2027-02-07 and 2028-01-27", async ({ page, signedIn: _ }) => {
  const grid = page.getByRole("grid", { name: "캘린더" });
  const dialog = await openNewEventToday(page);
  await dialog.getByLabel("제목").fill("할머니 생신");
  await dialog.getByLabel("종일").check();
  await dialog.getByLabel("시작", { exact: true }).fill("2026-02-17");
  await dialog.getByLabel("종료", { exact: true }).fill("2026-02-17");
  // The menu names the start's lunar date: 2026-02-17 is 설날, 음력 1월 1일.
  await dialog.getByLabel("반복", { exact: true }).selectOption({ label: "매년 음력 1월 1일" });
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog).toBeHidden();

  for (const [year, month, day] of [
    [2027, 2, 7],
    [2028, 1, 27],
  ] as const) {
    await goToMonth(page, year, month);
    const chip = grid.getByRole("button", { name: "할머니 생신" });
    await expect(chip).toHaveCount(1);
    const cell = grid.getByRole("gridcell").filter({ has: page.getByRole("button", { name: "할머니 생신" }) });
    await expect(cell.getByRole("button", { name: new RegExp(`${year}년 ${month}월 ${day}일`) })).toBeVisible();
  }
});
