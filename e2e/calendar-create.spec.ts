import type { Locator, Page } from "@playwright/test";
import { expect, hydrated, test, todayInBrowserZone } from "./fixtures";

// Creating events straight on the calendar (issue 19): a click opens the quick-add popover, a drag
// over days or hours opens it with those days or hours. Desktops drag with the mouse; phones with a
// finger, which first rests on the day (a long press) so that a quick swipe still scrolls the page.

interface Point {
  x: number;
  y: number;
}

const grid = (page: Page) => page.getByRole("grid", { name: "캘린더" });
const quickAdd = (page: Page) => page.getByRole("dialog", { name: "빠른 일정 추가" });
const dayLabel = (date: string) => new Intl.DateTimeFormat("ko-KR", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
const dayButton = (page: Page, date: string) => page.getByRole("button", { name: `${dayLabel(date)}에 일정 추가` });
const dayCell = (page: Page, date: string) =>
  grid(page)
    .getByRole("gridcell")
    .filter({ has: dayButton(page, date) });
// An hour of the week view: "2027. 3. 8. 10:00에 일정 추가".
const hourSlot = (page: Page, date: string, hour: string) => {
  const [year, month, day] = date.split("-").map(Number);
  return grid(page).getByRole("button", { name: `${year}. ${month}. ${day}. ${hour}에 일정 추가` });
};

async function box(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const found = await locator.boundingBox();
  if (!found) throw new Error("not drawn");
  return found;
}

// Presses at `from`, moves to `to` and lets go; `during` runs before letting go, with the selection drawn.
async function dragOver(page: Page, isMobile: boolean, from: Point, to: Point, during: () => Promise<void> = async () => {}) {
  const steps = 8;
  const along = (step: number) => ({ x: from.x + ((to.x - from.x) * step) / steps, y: from.y + ((to.y - from.y) * step) / steps });
  if (!isMobile) {
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let step = 1; step <= steps; step++) await page.mouse.move(along(step).x, along(step).y);
    await during();
    await page.mouse.up();
    return;
  }
  const touch = await page.context().newCDPSession(page);
  await touch.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
  // The long press a finger makes before it selects instead of scrolling.
  await page.waitForTimeout(700);
  for (let step = 1; step <= steps; step++) await touch.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [along(step)] });
  await during();
  await touch.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await touch.detach();
}

async function eventsBetween(page: Page, from: string, to: string) {
  const response = await page.request.get(`/api/events?from=${from}&to=${to}`);
  expect(response.status()).toBe(200);
  const body: unknown = await response.json();
  if (!(body && typeof body === "object" && "events" in body && Array.isArray(body.events))) throw new Error("no events in the answer");
  return body.events.map((event: { title: string; startsAt: string; endsAt: string; allDay: boolean }) => ({
    title: event.title,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    allDay: event.allDay,
  }));
}

test("a drag over three days of the month makes one all-day event drawn as one bar", async ({ page, signedIn: _, isMobile }) => {
  await page.goto("/dashboard?date=2027-03-10");
  await hydrated(dayButton(page, "2027-03-09"));
  // Low in each cell, clear of the bars drawn at its top.
  const first = await box(dayCell(page, "2027-03-09"));
  const last = await box(dayCell(page, "2027-03-11"));
  await dragOver(page, isMobile, { x: first.x + first.width / 2, y: first.y + first.height * 0.8 }, { x: last.x + last.width / 2, y: last.y + last.height * 0.8 });

  const popover = quickAdd(page);
  await expect(popover.getByLabel("제목")).toBeFocused();
  await expect(popover.getByLabel("시작", { exact: true })).toHaveValue("2027-03-09");
  await expect(popover.getByLabel("종료", { exact: true })).toHaveValue("2027-03-11");
  await page.keyboard.type("봄 워크숍");
  await page.keyboard.press("Enter");
  await expect(popover).toBeHidden();

  const bar = grid(page).getByRole("button", { name: "봄 워크숍" });
  await expect(bar).toHaveCount(1);
  const drawn = await box(
    grid(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("button", { name: "봄 워크숍" }) }),
  );
  const cell = await box(dayCell(page, "2027-03-10"));
  expect(drawn.width / cell.width).toBeGreaterThan(2.8);
  expect(drawn.width / cell.width).toBeLessThan(3.2);
  expect(await eventsBetween(page, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z")).toEqual([
    { title: "봄 워크숍", startsAt: "2027-03-09T00:00:00.000Z", endsAt: "2027-03-12T00:00:00.000Z", allDay: true },
  ]);
});

test("a drag from 10:00 to 11:30 in the week view makes that event, its times shown while dragging", async ({ page, signedIn: _, isMobile }) => {
  await page.goto("/dashboard?view=week&date=2027-03-08");
  const ten = hourSlot(page, "2027-03-08", "10:00");
  await hydrated(ten);
  const from = await box(ten);
  const eleven = await box(hourSlot(page, "2027-03-08", "11:00"));
  // Pressed just below 10:00, let go a little before 11:30: the quarter-hours it touches.
  await dragOver(page, isMobile, { x: from.x + from.width / 2, y: from.y + 4 }, { x: eleven.x + eleven.width / 2, y: eleven.y + eleven.height * 0.4 }, async () => {
    await expect(grid(page).locator("[data-selection]")).toHaveText("10:00 – 11:30");
  });
  await expect(grid(page).locator("[data-selection]")).toHaveCount(0);

  const popover = quickAdd(page);
  await expect(popover.getByLabel("시작 (Asia/Seoul)")).toHaveValue("10:00");
  await expect(popover.getByLabel("종료 (Asia/Seoul)")).toHaveValue("11:30");
  await popover.getByLabel("제목").fill("기획 회의");
  await popover.getByLabel("제목").press("Enter");
  await expect(popover).toBeHidden();
  const block = grid(page).getByRole("button", { name: "10:00 기획 회의" });
  await expect(block).toBeVisible();
  // An hour and a half tall.
  expect(Math.round(((await box(block)).height / from.height) * 2)).toBe(3);
  expect(await eventsBetween(page, "2027-03-07T15:00:00Z", "2027-03-14T15:00:00Z")).toEqual([
    { title: "기획 회의", startsAt: "2027-03-08T01:00:00.000Z", endsAt: "2027-03-08T02:30:00.000Z", allDay: false },
  ]);
  await page.reload();
  await expect(grid(page).getByRole("button", { name: "10:00 기획 회의" })).toBeVisible();
});

test("a click on an hour opens the popover there: Esc gives focus back to the hour, type and Enter saves", async ({ page, signedIn: _, isMobile }) => {
  await page.goto("/dashboard?view=week&date=2027-03-08");
  const slot = hourSlot(page, "2027-03-08", "14:00");
  await hydrated(slot);
  await slot.click();
  const popover = quickAdd(page);
  await expect(popover.getByLabel("제목")).toBeFocused();
  await expect(popover.getByText("3월 8일 (월)")).toBeVisible();
  await expect(popover.getByLabel("시작 (Asia/Seoul)")).toHaveValue("14:00");
  await expect(popover.getByLabel("종료 (Asia/Seoul)")).toHaveValue("15:00");
  // Tab stays inside it.
  for (let step = 0; step < 6; step++) await page.keyboard.press("Tab");
  await expect(popover.locator(":focus")).toHaveCount(1);

  // A phone shows it as a sheet along the bottom of the screen; a desktop by the hour clicked.
  const shown = await box(popover);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  if (isMobile) {
    expect(Math.round(shown.y + shown.height)).toBe(viewport.height);
    expect(Math.round(shown.width)).toBe(viewport.width);
  } else {
    // Just below the hour, or just above it where the window has no room below.
    const hour = await box(slot);
    expect(Math.min(Math.abs(shown.y - (hour.y + hour.height)), Math.abs(shown.y + shown.height - hour.y))).toBeLessThan(10);
    expect(shown.x).toBeGreaterThanOrEqual(hour.x - 1);
  }

  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(slot).toBeFocused();
  await expect(grid(page).getByRole("button", { name: /14:00 / })).toHaveCount(0);

  // By keyboard alone: Enter on the focused hour, type, Enter.
  await page.keyboard.press("Enter");
  await expect(popover.getByLabel("제목")).toBeFocused();
  await page.keyboard.type("치과");
  await page.keyboard.press("Enter");
  await expect(popover).toBeHidden();
  await expect(grid(page).getByRole("button", { name: "14:00 치과" })).toBeVisible();
  await expect(slot).toBeFocused();
});

test("'More options' carries the title and times into the full dialog", async ({ page, signedIn: _ }) => {
  await page.goto("/dashboard?view=week&date=2027-03-08");
  const slot = hourSlot(page, "2027-03-09", "14:00");
  await hydrated(slot);
  await slot.click();
  const popover = quickAdd(page);
  await popover.getByLabel("제목").fill("병원 예약");
  // The end follows a moved start, as in the dialog; then the end alone.
  await popover.getByLabel("시작 (Asia/Seoul)").fill("15:00");
  await expect(popover.getByLabel("종료 (Asia/Seoul)")).toHaveValue("16:00");
  await popover.getByLabel("종료 (Asia/Seoul)").fill("16:30");
  await popover.getByRole("button", { name: "더 보기" }).click();
  await expect(popover).toBeHidden();

  const dialog = page.getByRole("dialog", { name: "새 일정" });
  await expect(dialog.getByLabel("제목")).toHaveValue("병원 예약");
  await expect(dialog.getByLabel("시작", { exact: true })).toHaveValue("2027-03-09");
  await expect(dialog.getByLabel("시작 (Asia/Seoul)")).toHaveValue("15:00");
  await expect(dialog.getByLabel("종료 (Asia/Seoul)")).toHaveValue("16:30");
  await dialog.getByLabel("장소").fill("서울대병원");
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog).toBeHidden();
  await expect(grid(page).getByRole("button", { name: "15:00 병원 예약" })).toBeVisible();
  // Esc on the dialog or its save: focus is back on the hour that was clicked.
  await expect(slot).toBeFocused();
  expect(await eventsBetween(page, "2027-03-07T15:00:00Z", "2027-03-14T15:00:00Z")).toEqual([
    { title: "병원 예약", startsAt: "2027-03-09T06:00:00.000Z", endsAt: "2027-03-09T07:30:00.000Z", allDay: false },
  ]);
});

test("a press that barely moves is a click, Esc ends a drag; on a phone a quick swipe over the days scrolls instead of selecting", async ({ page, signedIn: _, isMobile }) => {
  await page.goto("/dashboard?date=2027-03-10");
  await hydrated(dayButton(page, "2027-03-09"));
  const first = await box(dayCell(page, "2027-03-09"));
  const last = await box(dayCell(page, "2027-03-11"));
  const from = { x: first.x + first.width / 2, y: first.y + first.height * 0.8 };
  const to = { x: last.x + last.width / 2, y: last.y + last.height * 0.8 };
  if (isMobile) {
    const touch = await page.context().newCDPSession(page);
    await touch.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
    for (let step = 1; step <= 8; step++) await touch.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: from.x + ((to.x - from.x) * step) / 8, y: from.y }] });
    await touch.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await touch.detach();
  } else {
    // A mouse that barely moves while pressed is a click: the day's popover, an hour at 09:00.
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 2, from.y + 1);
    await page.mouse.up();
    await expect(quickAdd(page).getByLabel("시작 (Asia/Seoul)")).toHaveValue("09:00");
    await page.keyboard.press("Escape");
    await expect(dayButton(page, "2027-03-09")).toBeFocused();
    // Esc while dragging lets go of the days without creating anything.
    await dragOver(page, isMobile, from, to, async () => {
      await expect(grid(page).locator(".bg-teal-100")).toHaveCount(3);
      await page.keyboard.press("Escape");
    });
  }
  await page.waitForTimeout(300);
  await expect(quickAdd(page)).toBeHidden();
  await expect(grid(page).locator(".bg-teal-100")).toHaveCount(0);
});

test.describe("a first visit in Seoul before 09:00", () => {
  test("a click on the day marked today creates the event on that day, not on UTC's", async ({ page, signUpAndVerify, loginPage, user }) => {
    // 08:30 in Seoul is still yesterday in UTC.
    const today = todayInBrowserZone();
    await signUpAndVerify();
    await page.clock.setFixedTime(new Date(`${today}T08:30:00+09:00`));
    await loginPage.goto();
    await loginPage.logIn(user.email, user.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    const day = grid(page)
      .locator('[aria-current="date"]')
      .getByRole("button", { name: /에 일정 추가$/ });
    await hydrated(day);
    await expect(day).toHaveAccessibleName(new RegExp(`${dayLabel(today)}에 일정 추가$`));
    await day.click();
    const popover = quickAdd(page);
    await expect(popover.getByLabel("제목")).toBeFocused();
    await page.keyboard.type("아침 운동");
    await page.keyboard.press("Enter");
    await expect(popover).toBeHidden();
    await expect(dayCell(page, today).getByRole("button", { name: "09:00 아침 운동" })).toBeVisible();
    const dayStart = new Date(`${today}T00:00:00+09:00`);
    expect(await eventsBetween(page, dayStart.toISOString(), new Date(dayStart.getTime() + 86_400_000).toISOString())).toEqual([
      { title: "아침 운동", startsAt: new Date(`${today}T09:00:00+09:00`).toISOString(), endsAt: new Date(`${today}T10:00:00+09:00`).toISOString(), allDay: false },
    ]);
  });
});
