import { expect, hydrated, test } from "./fixtures";
import type { Page } from "@playwright/test";

// The calendar's first minute as a new user has it (issue 19's four bugs), and what it draws.

async function createEvent(page: Page, event: { title: string; startsAt: string; endsAt: string; allDay?: boolean }) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/api/events", { data: { allDay: false, ...event }, headers: { origin } });
  expect(response.status()).toBe(201);
}

const grid = (page: Page) => page.getByRole("grid", { name: "캘린더" });
const dayButton = (page: Page, date: string) =>
  page.getByRole("button", { name: `${new Intl.DateTimeFormat("ko-KR", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`))}에 일정 추가` });

test("click a day and type: the title gets the text, Enter saves, Esc gives focus back to the day", async ({ page, signedIn: _ }) => {
  await page.goto("/dashboard?date=2027-03-10");
  const day = dayButton(page, "2027-03-10");
  await hydrated(day);
  await day.click();
  // A click opens the quick-add popover (e2e/calendar-create.spec.ts), the full dialog one click further.
  const dialog = page.getByRole("dialog", { name: "빠른 일정 추가" });
  await expect(dialog.getByLabel("제목")).toBeFocused();
  await page.keyboard.type("바로 입력한 일정");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(grid(page).getByRole("button", { name: "09:00 바로 입력한 일정" })).toBeVisible();
  await expect(day).toBeFocused();

  // The same by keyboard alone, and Esc closes without saving, back on the day.
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("제목")).toBeFocused();
  await page.keyboard.type("취소할 일정");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(day).toBeFocused();
  await expect(grid(page).getByRole("button", { name: /취소할 일정/ })).toHaveCount(0);
});

test("moving a new event's start keeps its length: the end follows", async ({ page, signedIn: _ }) => {
  await page.goto("/dashboard?date=2027-03-10");
  await hydrated(dayButton(page, "2027-03-11"));
  await dayButton(page, "2027-03-11").click();
  await page.getByRole("dialog", { name: "빠른 일정 추가" }).getByRole("button", { name: "더 보기" }).click();
  const dialog = page.getByRole("dialog", { name: "새 일정" });
  await dialog.getByLabel("제목").fill("점심 약속");
  await expect(dialog.getByLabel("종료 (Asia/Seoul)")).toHaveValue("10:00");
  await dialog.getByLabel("시작 (Asia/Seoul)").fill("12:00");
  await expect(dialog.getByLabel("종료 (Asia/Seoul)")).toHaveValue("13:00");
  await dialog.getByLabel("종료 (Asia/Seoul)").fill("14:30");
  // Late in the evening the end moves into the next day.
  await dialog.getByLabel("시작 (Asia/Seoul)").fill("22:00");
  await expect(dialog.getByLabel("종료 (Asia/Seoul)")).toHaveValue("00:30");
  await expect(dialog.getByLabel("종료", { exact: true })).toHaveValue("2027-03-12");
  await dialog.getByLabel("시작 (Asia/Seoul)").fill("12:00");
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog).toBeHidden();
  await expect(grid(page).getByRole("button", { name: "12:00 점심 약속" })).toBeVisible();
});

test("an overnight event is one bar, its end said on the second day; a trip is one bar over its days", async ({ page, signedIn: _, isMobile }) => {
  // Monday 14 December 2026, 20:00 → Tuesday 09:00 in Seoul; a trip Wednesday to Saturday.
  await createEvent(page, { title: "야간 배포", startsAt: "2026-12-14T11:00:00.000Z", endsAt: "2026-12-15T00:00:00.000Z" });
  await createEvent(page, { title: "제주 여행", startsAt: "2026-12-16T00:00:00.000Z", endsAt: "2026-12-20T00:00:00.000Z", allDay: true });
  await page.goto("/dashboard?date=2026-12-14");
  const night = grid(page).getByRole("button", { name: /야간 배포/ });
  await expect(night).toHaveCount(1);
  await expect(night).toHaveAccessibleName("20:00 야간 배포 ~09:00");
  const trip = grid(page).getByRole("button", { name: "제주 여행" });
  await expect(trip).toHaveCount(1);

  const cell = await grid(page)
    .getByRole("gridcell")
    .filter({ has: dayButton(page, "2026-12-16") })
    .boundingBox();
  const bar = await grid(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "제주 여행" }) })
    .boundingBox();
  expect(cell && bar).toBeTruthy();
  if (cell && bar) expect(bar.width / cell.width).toBeGreaterThan(3.8);

  if (isMobile) {
    // The list below the grid names each day's part of the night.
    const list = page.getByRole("region", { name: "2026년 12월" });
    await expect(list.getByRole("button", { name: /야간 배포/ })).toHaveText(["20:00 야간 배포", "~09:00 야간 배포"]);
  }

  // The week view draws the night in the hours of both days, not in the all-day row.
  await page.getByRole("button", { name: "주", exact: true }).click();
  await expect(page).toHaveURL(/view=week/);
  await expect(grid(page).getByRole("button", { name: /야간 배포/ })).toHaveText(["20:00 야간 배포", "~09:00 야간 배포"]);
  const evening = await grid(page).getByRole("button", { name: "20:00 야간 배포" }).boundingBox();
  const hour = await grid(page)
    .getByRole("button", { name: /20:00에 일정 추가$/ })
    .first()
    .boundingBox();
  // Four hours to midnight: four hour-rows tall.
  if (evening && hour) expect(Math.round(evening.height / hour.height)).toBe(4);
  else throw new Error("not drawn");
  await expect(grid(page).getByRole("button", { name: "제주 여행" })).toHaveCount(1);
});

test("the view and date live in the URL: Back, reload and a visit elsewhere keep them", async ({ page, signedIn: _ }) => {
  const heading = page.getByRole("heading", { level: 1 });
  await page.goto("/dashboard?date=2027-05-20");
  await expect(heading).toHaveText("2027년 5월");
  await hydrated(page.getByRole("button", { name: "다음" }));
  await page.getByRole("button", { name: "다음" }).click();
  await expect(heading).toHaveText("2027년 6월");
  await expect(page).toHaveURL(/date=2027-06-20/);
  await page.goBack();
  await expect(heading).toHaveText("2027년 5월");
  await page.getByRole("button", { name: "다음" }).click();
  await page.getByRole("button", { name: "주", exact: true }).click();
  await expect(page).toHaveURL(/view=week/);
  await page.reload();
  await expect(heading).toHaveText(/6월 20일.*6월 26일/);
  await page.getByRole("link", { name: "할 일" }).click();
  await expect(page).toHaveURL(/\/dashboard\/todo$/);
  await page.goBack();
  await expect(heading).toHaveText(/6월 20일.*6월 26일/);
  await page.goBack();
  await expect(heading).toHaveText("2027년 6월");
  // A link with nonsense in it opens this month instead of failing.
  await page.goto("/dashboard?view=year&date=2027-02-31");
  await expect(page.getByRole("grid", { name: "캘린더" })).toBeVisible();
});

test("an event is moved by dragging it or with Alt+arrows, and the move can be undone", async ({ page, signedIn: _, isMobile }) => {
  await createEvent(page, { title: "회의 이동", startsAt: "2027-03-10T01:00:00.000Z", endsAt: "2027-03-10T02:00:00.000Z" }); // 10:00–11:00 in Seoul
  await page.goto("/dashboard?date=2027-03-10");
  const cell = (date: string) =>
    grid(page)
      .getByRole("gridcell")
      .filter({ has: dayButton(page, date) });
  const event = grid(page).getByRole("button", { name: "10:00 회의 이동" });
  await hydrated(event);
  if (!isMobile) {
    await grid(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("button", { name: "10:00 회의 이동" }) })
      .dragTo(cell("2027-03-12"));
    await expect(cell("2027-03-12").getByRole("button", { name: "10:00 회의 이동" })).toBeVisible();
    await page.reload();
    await expect(cell("2027-03-12").getByRole("button", { name: "10:00 회의 이동" })).toBeVisible();
    await page.getByRole("button", { name: "10:00 회의 이동" }).focus();
  } else {
    await event.focus();
  }
  // A day on with the keyboard, then undone.
  const from = isMobile ? "2027-03-10" : "2027-03-12";
  const to = isMobile ? "2027-03-11" : "2027-03-13";
  await page.keyboard.press("Alt+ArrowRight");
  await expect(cell(to).getByRole("button", { name: "10:00 회의 이동" })).toBeVisible();
  await page.getByRole("button", { name: "실행 취소" }).click();
  await expect(cell(from).getByRole("button", { name: "10:00 회의 이동" })).toBeVisible();
  await page.reload();
  await expect(cell(from).getByRole("button", { name: "10:00 회의 이동" })).toBeVisible();

  if (isMobile) return;
  // The week view: dragged to 14:00 the next day, then its lower edge down an hour.
  await page.goto(`/dashboard?view=week&date=${from}`);
  const block = grid(page).getByRole("button", { name: "10:00 회의 이동" });
  await hydrated(block);
  const target = grid(page).getByRole("button", { name: /2027\. 3\. 13\. 14:00에 일정 추가/ });
  await block.dragTo(target, { sourcePosition: { x: 5, y: 5 }, targetPosition: { x: 5, y: 5 } });
  const moved = grid(page).getByRole("button", { name: "14:00 회의 이동" });
  await expect(moved).toBeVisible();
  const hour = await target.boundingBox();
  const handle = grid(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: "14:00 회의 이동" }) })
    .getByTestId("resize-handle");
  const edge = await handle.boundingBox();
  if (!hour || !edge) throw new Error("not drawn");
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2 + hour.height, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole("button", { name: "실행 취소" })).toBeVisible();
  await page.reload();
  await grid(page).getByRole("button", { name: "14:00 회의 이동" }).click();
  const dialog = page.getByRole("dialog", { name: "일정 수정" });
  await expect(dialog.getByLabel("시작", { exact: true })).toHaveValue("2027-03-13");
  await expect(dialog.getByLabel("종료 (Asia/Seoul)")).toHaveValue("16:00");
});

test("moving one occurrence of a weekly event moves only that one, and undo puts it back", async ({ page, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/events", {
    data: { title: "주간 회의", startsAt: "2027-04-05T01:00:00.000Z", endsAt: "2027-04-05T02:00:00.000Z", allDay: false, repeat: { freq: "WEEKLY" }, timeZone: "Asia/Seoul" },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  await page.goto("/dashboard?date=2027-04-05");
  const cell = (date: string) =>
    grid(page)
      .getByRole("gridcell")
      .filter({ has: dayButton(page, date) });
  const occurrence = cell("2027-04-12").getByRole("button", { name: "10:00 주간 회의" });
  await hydrated(occurrence);
  await occurrence.focus();
  await page.keyboard.press("Alt+ArrowRight");
  await expect(cell("2027-04-13").getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
  await expect(cell("2027-04-12").getByRole("button", { name: "10:00 주간 회의" })).toHaveCount(0);
  for (const date of ["2027-04-05", "2027-04-19", "2027-04-26"]) await expect(cell(date).getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
  await page.reload();
  await expect(cell("2027-04-13").getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
  await expect(cell("2027-04-19").getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();

  await cell("2027-04-13").getByRole("button", { name: "10:00 주간 회의" }).focus();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(cell("2027-04-12").getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
  await page.getByRole("button", { name: "실행 취소" }).click();
  await expect(cell("2027-04-13").getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
  await page.reload();
  await expect(cell("2027-04-13").getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
  await expect(cell("2027-04-12").getByRole("button", { name: "10:00 주간 회의" })).toHaveCount(0);
});

test("a slow answer for the month just left never draws over the month now shown", async ({ page, signedIn: _ }) => {
  await createEvent(page, { title: "6월 일정", startsAt: "2027-06-20T01:00:00.000Z", endsAt: "2027-06-20T02:00:00.000Z" });
  await page.goto("/dashboard?date=2027-04-15");
  await hydrated(page.getByRole("button", { name: "다음" }));
  // April → May (its answer held back) → June: May's answer, without June's event, arrives last.
  let releaseMay = () => {};
  const mayHeld = new Promise<void>((resolve) => (releaseMay = resolve));
  let mayAnswered = () => {};
  const mayDone = new Promise<void>((resolve) => (mayAnswered = resolve));
  await page.route(/\/api\/events\?from=2027-04-24/, async (route) => {
    await mayHeld;
    await route.continue();
    mayAnswered();
  });
  await page.getByRole("button", { name: "다음" }).click();
  await page.getByRole("button", { name: "다음" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("2027년 6월");
  await expect(grid(page).getByRole("button", { name: "10:00 6월 일정" })).toBeVisible();
  releaseMay();
  await mayDone;
  await page.waitForTimeout(300);
  await expect(grid(page).getByRole("button", { name: "10:00 6월 일정" })).toBeVisible();
});
