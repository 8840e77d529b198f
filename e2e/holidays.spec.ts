import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { koreanHolidaysBetween } from "@/lib/planner/korean-holidays";
import { expect, hydrated, test, todayInBrowserZone } from "./fixtures";

// Public holidays on the calendar: Korea's by default, named in the page's language; another
// country's or none from the settings. Each test signs a fresh user in and works through the UI.

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

// From `from` (the month the calendar opens on, unless said) to `month` ("YYYY-MM") with the
// previous / next buttons.
async function goToMonth(page: Page, month: string, from = todayInBrowserZone().slice(0, 7)) {
  const steps = monthsBetween(from, month);
  for (let step = 0; step < Math.abs(steps); step++) await page.getByRole("button", { name: steps < 0 ? "이전" : "다음", exact: true }).click();
}

const colorOf = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).color);

// The month grid's button for a day, by the date in its name, and the cell it is in.
const dayName = (date: string) => new RegExp(`${Number(date.slice(0, 4))}년 ${Number(date.slice(5, 7))}월 ${Number(date.slice(8))}일 `);
const februaryDay = (grid: Locator, day: number) => grid.getByRole("button", { name: dayName(`2026-02-${String(day).padStart(2, "0")}`) });
const cellOf = (page: Page, date: string) =>
  page
    .getByRole("grid")
    .getByRole("gridcell")
    .filter({ has: page.getByRole("button", { name: dayName(date) }) });

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("Korean holidays: 설날 in red with its name, in Korean and then in English, on the month and week views", async ({ page, signedIn: _ }) => {
  const grid = page.getByRole("grid", { name: "캘린더" });
  // The first view arrives with its holidays: the page asks the holiday API nothing for it.
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/holidays")) asked.push(request.url());
  });
  await page.reload();
  await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
  const thisMonth = todayInBrowserZone().slice(0, 7);
  for (const { date, name } of koreanHolidaysBetween(`${thisMonth}-01`, `${thisMonth}-31`, "ko")) await expect(cellOf(page, date)).toContainText(name);
  await page.waitForLoadState("networkidle");
  expect(asked).toEqual([]);

  await goToMonth(page, "2026-02");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026년 2월");
  for (const [day, name] of [
    [16, "설날 전날"],
    [17, "설날"],
    [18, "설날 다음 날"],
  ] as const) {
    await expect(cellOf(page, `2026-02-${day}`)).toContainText(name);
  }
  expect(asked.length).toBeGreaterThan(0);
  // Red like Sunday the 15th; Thursday the 19th is an ordinary day, Saturday the 14th blue.
  const sunday = await colorOf(februaryDay(grid, 15));
  const weekday = await colorOf(februaryDay(grid, 19));
  const saturday = await colorOf(februaryDay(grid, 14));
  expect(new Set([sunday, weekday, saturday]).size).toBe(3);
  for (const day of [16, 17, 18]) expect(await colorOf(februaryDay(grid, day))).toBe(sunday);
  await expect(cellOf(page, "2026-02-19")).not.toContainText("설날");
  await expectNoViolations(page);

  // The week of 설날: its column headers are red and named too.
  await page.getByRole("button", { name: "주", exact: true }).click();
  // The week shown is the one of the day the month view was on; 설날's starts on Sunday the 15th.
  const firstDay = grid.getByRole("columnheader").nth(1);
  await expect(firstDay).toHaveText(/^\d+일 \(일\)/);
  const weeks = (15 - Number(/^\d+/.exec((await firstDay.textContent()) ?? "")?.[0])) / 7;
  for (let week = 0; week < Math.abs(weeks); week++) await page.getByRole("button", { name: weeks < 0 ? "이전" : "다음", exact: true }).click();
  const seollal = grid.getByRole("columnheader").filter({ hasText: "설날 전날" });
  await expect(seollal).toContainText("16일");
  const sundayHeader = grid.getByRole("columnheader").filter({ hasText: "15일" });
  expect(await colorOf(seollal)).toBe(await colorOf(sundayHeader));
  await expectNoViolations(page);

  // The same week in English: the names are asked for again, in the new language.
  await page.getByLabel("언어").selectOption("en");
  await expect(page.getByRole("button", { name: "Previous", exact: true })).toBeVisible();
  const englishGrid = page.getByRole("grid", { name: "Calendar" });
  await expect(englishGrid.getByRole("columnheader").filter({ hasText: "Day before Seollal" })).toBeVisible();
  await page.getByRole("button", { name: "Month", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("February 2026");
  await expect(englishGrid.getByRole("gridcell").filter({ has: page.getByRole("button", { name: /February 17, 2026/ }) })).toContainText("Seollal");

  // On a phone the month is also listed below the grid: the holidays are named there too.
  await page.setViewportSize({ width: 390, height: 844 });
  const list = page.getByRole("region", { name: "February 2026" });
  await expect(list.getByRole("heading", { name: /February 17.*Seollal/ })).toBeVisible();
  await expect(list.getByRole("heading", { name: /February 16.*Day before Seollal/ })).toBeVisible();
  // …and only there: the grid's cell, a few letters wide, would show "Da…" of it.
  await expect(
    englishGrid
      .getByRole("gridcell")
      .filter({ has: page.getByRole("button", { name: /February 16, 2026/ }) })
      .getByText("Day before Seollal"),
  ).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(
    englishGrid
      .getByRole("gridcell")
      .filter({ has: page.getByRole("button", { name: /February 16, 2026/ }) })
      .getByText("Day before Seollal"),
  ).toBeVisible();
});

test("settings: no holidays at all, or another country's", async ({ page, signedIn: _ }) => {
  await page.goto("/dashboard/settings");
  const form = page.locator("form").filter({ has: page.getByLabel("공휴일") });
  const select = form.getByLabel("공휴일");
  await hydrated(select);
  await expect(select).toHaveValue("KR");
  const options = await select.locator("option").allTextContents();
  expect(options.slice(0, 2)).toEqual(["없음", "대한민국"]);
  expect(options).toContain("미국");

  await select.selectOption({ label: "없음" });
  await form.getByRole("button", { name: "저장", exact: true }).click();
  await expect(form.getByText("설정을 저장했습니다.")).toBeVisible();
  await page.goto("/dashboard");
  const grid = page.getByRole("grid", { name: "캘린더" });
  await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
  await goToMonth(page, "2026-02");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026년 2월");
  await page.waitForLoadState("networkidle");
  await expect(grid).not.toContainText("설날");
  expect(await colorOf(februaryDay(grid, 17))).toBe(await colorOf(februaryDay(grid, 19)));
  // Sundays stay red without holidays.
  expect(await colorOf(februaryDay(grid, 15))).not.toBe(await colorOf(februaryDay(grid, 19)));

  await page.goto("/dashboard/settings");
  await hydrated(select);
  await expect(select).toHaveValue("");
  await select.selectOption({ label: "미국" });
  await form.getByRole("button", { name: "저장", exact: true }).click();
  await expect(form.getByText("설정을 저장했습니다.")).toBeVisible();
  await page.goto("/dashboard");
  await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
  await goToMonth(page, "2026-11");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026년 11월");
  await expect(cellOf(page, "2026-11-26")).toContainText("Thanksgiving");
  await expect(cellOf(page, "2026-11-11")).toContainText("Veterans Day");
  await goToMonth(page, "2026-07", "2026-11");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026년 7월");
  await expect(cellOf(page, "2026-07-04")).toContainText("Independence Day");
  // Korea's 제헌절 is not America's.
  await expect(grid).not.toContainText("제헌절");
});
