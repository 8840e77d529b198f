import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { closeTestDb } from "../tests/helpers/db";
import { expect, hydrated, makeSessionStale, test, todayInBrowserZone } from "./fixtures";

// Google Calendar's keys (components/layout/use-shortcuts.ts), on both projects: a phone with a
// hardware keyboard gets them too. And the skeletons the pages show while they load.

test.afterAll(closeTestDb);

const grid = (page: Page) => page.getByRole("grid", { name: "캘린더" });
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const dateInUrl = (page: Page) => new URL(page.url()).searchParams.get("date");
const viewButton = (page: Page, name: "월" | "주") => page.getByRole("group", { name: "보기" }).getByRole("button", { name, exact: true });
const dayButton = (page: Page, date: string) =>
  page.getByRole("button", { name: `${new Intl.DateTimeFormat("ko-KR", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`))}에 일정 추가` });
const searchField = (page: Page) => page.getByRole("search", { name: "일정, 할 일, 버킷리스트 검색" }).getByRole("searchbox");
const help = (page: Page) => page.getByRole("dialog", { name: "키보드 단축키" });
const newEvent = (page: Page) => page.getByRole("dialog", { name: "새 일정" });
const blur = (page: Page) => page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
// A key as a Korean keyboard in Hangul mode reports it: the jamo printed on the key, and where it sits.
const pressInHangulMode = (page: Page, key: string, code: string) =>
  page.evaluate(([key, code]) => document.body.dispatchEvent(new KeyboardEvent("keydown", { key, code, bubbles: true, cancelable: true })), [key, code] as const);

async function openCalendarOn(page: Page, date: string) {
  await page.goto(`/dashboard?date=${date}`);
  await hydrated(dayButton(page, date));
}

test("w, n, p, m, t move the calendar as its buttons do", async ({ page, signedIn: _ }) => {
  await openCalendarOn(page, "2027-03-10");
  await expect(heading(page)).toHaveText("2027년 3월");

  await page.keyboard.press("w");
  await expect(viewButton(page, "주")).toHaveAttribute("aria-pressed", "true");
  await expect(grid(page).getByRole("button", { name: /2027\. 3\. 10\. .*09:00에 일정 추가/ })).toBeVisible();
  await page.keyboard.press("n");
  await expect.poll(() => dateInUrl(page)).toBe("2027-03-17");
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  await expect.poll(() => dateInUrl(page)).toBe("2027-03-03");
  // Two presses before the calendar has redrawn: each moves a week.
  await page.evaluate(() => {
    const press = () => document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "n", code: "KeyN", bubbles: true, cancelable: true }));
    press();
    press();
  });
  await expect.poll(() => dateInUrl(page)).toBe("2027-03-17");
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  await expect.poll(() => dateInUrl(page)).toBe("2027-03-03");

  await page.keyboard.press("m");
  await expect(viewButton(page, "월")).toHaveAttribute("aria-pressed", "true");
  await expect(heading(page)).toHaveText("2027년 3월");
  await page.keyboard.press("n");
  await expect(heading(page)).toHaveText("2027년 4월");
  await page.keyboard.press("p");
  await page.keyboard.press("p");
  await expect(heading(page)).toHaveText("2027년 2월");

  await page.keyboard.press("t");
  await expect.poll(() => dateInUrl(page)).toBeNull();
  await expect(grid(page).locator('[aria-current="date"]')).toHaveAttribute("data-day", todayInBrowserZone());
  // Back works as after a click: each key was a step in the history.
  await page.goBack();
  await expect(heading(page)).toHaveText("2027년 2월");
});

test("c opens a new event on the focused day, else on the day in the URL; letters typed in its title stay letters", async ({ page, signedIn: _ }) => {
  await openCalendarOn(page, "2027-03-10");
  const day = dayButton(page, "2027-03-12");
  await day.focus();
  await page.keyboard.press("c");
  await expect(newEvent(page).getByLabel("제목")).toBeFocused();
  await expect(newEvent(page).getByLabel("시작", { exact: true })).toHaveValue("2027-03-12");
  // The "c" that opened it was not typed into the title; what is typed now is text, not shortcuts.
  await expect(newEvent(page).getByLabel("제목")).toHaveValue("");
  await page.keyboard.type("ctmw/?");
  await expect(newEvent(page).getByLabel("제목")).toHaveValue("ctmw/?");
  await expect(help(page)).toBeHidden();
  await expect(heading(page)).toHaveText("2027년 3월");
  await page.keyboard.press("Escape");
  await expect(newEvent(page)).toBeHidden();
  await expect(day).toBeFocused();

  await blur(page);
  await page.keyboard.press("c");
  await expect(newEvent(page).getByLabel("시작", { exact: true })).toHaveValue("2027-03-10");
  await newEvent(page).getByLabel("제목").fill("단축키로 만든 일정");
  await newEvent(page).getByRole("button", { name: "저장" }).click();
  await expect(newEvent(page)).toBeHidden();
  await expect(grid(page).getByRole("button", { name: "09:00 단축키로 만든 일정" })).toBeVisible();
});

test("typing in the header search or the todo field types the letters; Ctrl, Alt and ⌘ are left to the browser", async ({ page, signedIn: _ }) => {
  await openCalendarOn(page, "2027-03-10");
  await searchField(page).click();
  await page.keyboard.type("ctmw?");
  await expect(searchField(page)).toHaveValue("ctmw?");
  await expect(heading(page)).toHaveText("2027년 3월");
  await expect(newEvent(page)).toBeHidden();
  await expect(help(page)).toBeHidden();

  await blur(page);
  await page.keyboard.press("w");
  await expect(viewButton(page, "주")).toHaveAttribute("aria-pressed", "true");
  for (const chord of ["Control+m", "Alt+m", "Meta+m", "Alt+t", "Control+c", "Meta+c", "Control+Shift+Slash", "Shift+C", "Shift+T"]) await page.keyboard.press(chord);
  // Keys are handled in order: once "p" has moved the week, none of the above did anything.
  await page.keyboard.press("p");
  await expect.poll(() => dateInUrl(page)).toBe("2027-03-03");
  await expect(viewButton(page, "주")).toHaveAttribute("aria-pressed", "true");
  await expect(newEvent(page)).toBeHidden();
  await expect(help(page)).toBeHidden();

  await page.getByRole("link", { name: "할 일", exact: true }).click();
  const todo = page.getByLabel("새 할 일");
  await hydrated(todo);
  await todo.click();
  await page.keyboard.type("c t /?");
  await expect(todo).toHaveValue("c t /?");
  await expect(help(page)).toBeHidden();
  await expect(searchField(page)).not.toBeFocused();
});

test("in Hangul mode the same keys work: ㅊ on the C key, ㅈ on W", async ({ page, signedIn: _ }) => {
  await openCalendarOn(page, "2027-03-10");
  await pressInHangulMode(page, "ㅈ", "KeyW");
  await expect(viewButton(page, "주")).toHaveAttribute("aria-pressed", "true");
  // While the IME decides, some systems report "Process": the key's place still says which it is.
  await pressInHangulMode(page, "Process", "KeyM");
  await expect(viewButton(page, "월")).toHaveAttribute("aria-pressed", "true");
  await pressInHangulMode(page, "ㅊ", "KeyC");
  await expect(newEvent(page).getByLabel("제목")).toBeFocused();
  await expect(newEvent(page).getByLabel("시작", { exact: true })).toHaveValue("2027-03-10");
  await expect(newEvent(page).getByLabel("제목")).toHaveValue("");
});

test("/ goes to the search field, ? lists the shortcuts from the header's button or the key, Esc gives focus back", async ({ page, signedIn: _ }) => {
  await openCalendarOn(page, "2027-03-10");
  await page.keyboard.press("/");
  await expect(searchField(page)).toBeFocused();
  await expect(searchField(page)).toHaveValue("");
  await blur(page);

  // The visible way in, on a phone as well: its shortcuts work with a hardware keyboard.
  const button = page.getByRole("button", { name: "단축키", exact: true });
  await expect(button).toBeVisible();
  await button.click();
  const dialog = help(page);
  await expect(dialog).toBeVisible();
  const rows = await dialog.locator("dl > div").evaluateAll((items) => items.map((item) => `${item.querySelector("dt")?.textContent} ${item.querySelector("dd")?.textContent}`));
  expect(rows).toEqual(["c 새 일정 (선택한 날 또는 오늘)", "t 오늘로 이동", "m 월 보기", "w 주 보기", "n 다음 달 또는 다음 주", "p 이전 달 또는 이전 주", "/ 검색 칸으로 이동", "? 단축키 목록 보기"]);
  await expect(dialog.getByRole("heading", { name: "캘린더" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "닫기" })).toBeFocused();
  // An open dialog keeps the keys: the calendar behind it does not move.
  await page.keyboard.press("m");
  await page.keyboard.press("w");
  await expect(viewButton(page, "월")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  const today = page.getByRole("button", { name: "오늘", exact: true });
  await today.focus();
  await page.keyboard.press("?");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(today).toBeFocused();
});

test("the shortcuts list in English, and ? works on every signed-in page", async ({ page, context, signedIn: _ }) => {
  await context.addCookies([{ name: "lang", value: "en", url: new URL(page.url()).origin }]);
  await page.goto("/dashboard/bucket");
  await hydrated(page.getByRole("button", { name: "Shortcuts", exact: true }));
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog.getByText("New event (on the selected day or today)")).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "Everywhere" })).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the shortcuts dialog has no WCAG A/AA violations (${colorScheme} theme)`, async ({ page, signedIn: _ }) => {
    await page.emulateMedia({ colorScheme });
    await page.getByRole("button", { name: "단축키", exact: true }).click();
    await expect(help(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

// Holds back the server's answer for a page the client navigates to (not its prefetch, which brings
// the page's loading.tsx): what a slow network shows between the click and the page.
async function holdPage(page: Page, path: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      const headers = route.request().headers();
      if (headers.rsc && !headers["next-router-prefetch"]) await held;
      await route.continue();
    },
  );
  return release;
}

// Read by assistive technology, not shown: a clipped one-pixel box.
async function expectOnlyForScreenReaders(scope: Locator) {
  const label = scope.getByRole("status").filter({ hasText: "불러오는 중…" });
  await expect(label).toHaveCount(1);
  const box = await label.boundingBox();
  expect(box && box.width <= 1 && box.height <= 1).toBe(true);
}

test("a page that is slow to arrive shows its shape, busy, with the loading words for screen readers only", async ({ page, signedIn: _ }) => {
  const main = page.getByRole("main");
  const release = await holdPage(page, "/dashboard/todo");
  const todoLink = page.getByRole("link", { name: "할 일", exact: true });
  await todoLink.hover();
  await page.waitForLoadState("networkidle");
  await todoLink.click();
  const busy = main.locator('[aria-busy="true"]');
  await expect(busy).toBeVisible();
  await expectOnlyForScreenReaders(main);
  // List rows, shaped like the todo rows coming.
  expect(await busy.locator(".rounded-xl").count()).toBeGreaterThanOrEqual(3);
  release();
  await expect(page.getByLabel("새 할 일")).toBeVisible();
  await expect(busy).toHaveCount(0);

  // The calendar's is a month: a header row and five weeks of days.
  const releaseCalendar = await holdPage(page, "/dashboard");
  const calendarLink = page.getByRole("link", { name: "캘린더", exact: true });
  await calendarLink.hover();
  await page.waitForLoadState("networkidle");
  await calendarLink.click();
  await expect(busy).toBeVisible();
  await expectOnlyForScreenReaders(main);
  await expect(busy.locator(".grid-cols-7 > div")).toHaveCount(42);
  releaseCalendar();
  await expect(grid(page)).toBeVisible();
  await expect(busy).toHaveCount(0);
});

test("skeletons pulse, unless the system asks for less motion", async ({ page, signedIn: _ }) => {
  const pages = [
    { reducedMotion: "no-preference", path: "/dashboard/bucket", link: "버킷리스트", animation: "pulse" },
    { reducedMotion: "reduce", path: "/dashboard/todo", link: "할 일", animation: "none" },
  ] as const;
  for (const { reducedMotion, path, link, animation } of pages) {
    await page.emulateMedia({ reducedMotion });
    const release = await holdPage(page, path);
    const nav = page.getByRole("link", { name: link, exact: true });
    await nav.hover();
    await page.waitForLoadState("networkidle");
    await nav.click();
    const block = page.getByRole("main").locator('[aria-busy="true"] .bg-slate-200').first();
    await expect(block).toHaveCSS("animation-name", animation);
    release();
    await expect(page.getByRole("heading", { name: link, level: 1 })).toBeVisible();
  }
});

test("the identity check before a sensitive change shows its form's shape while it asks what is possible", async ({ page, context, signedIn: _ }) => {
  await makeSessionStale(context);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/auth/reauth", async (route) => {
    if (route.request().method() === "GET") await held;
    await route.continue();
  });
  await page.goto("/dashboard/settings");
  await page.getByRole("region", { name: "패스키" }).getByRole("button", { name: "패스키 추가" }).click();
  const dialog = page.getByRole("dialog", { name: "본인 확인" });
  await expect(dialog.locator('[aria-busy="true"]')).toBeVisible();
  await expectOnlyForScreenReaders(dialog);
  release();
  await expect(dialog.getByLabel("비밀번호")).toBeVisible();
  await expect(dialog.locator('[aria-busy="true"]')).toHaveCount(0);
});
