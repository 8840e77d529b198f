import type { Page } from "@playwright/test";
import { expect, test, todayInBrowserZone } from "./fixtures";

// The todo list as a user meets it: due dates in words, typed or chosen, done items folded away, and
// on a phone the list first with the add bar under the thumb.

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// How the page writes a date that is neither today nor tomorrow, e.g. "12월 10일 (목)".
function inKorean(date: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  const weekday = new Intl.DateTimeFormat("ko-KR", { weekday: "short", timeZone: "UTC" }).format(at);
  const year = date.slice(0, 4) === todayInBrowserZone().slice(0, 4) ? "" : `${Number(date.slice(0, 4))}년 `;
  return `${year}${at.getUTCMonth() + 1}월 ${at.getUTCDate()}일 (${weekday})`;
}

async function addTodos(page: Page, todos: { title: string; dueOn?: string }[]) {
  const origin = new URL(page.url()).origin;
  for (const data of todos) expect((await page.request.post("/api/todos", { data, headers: { origin } })).status()).toBe(201);
}

async function savedTodos(page: Page): Promise<{ title: string; dueOn: string | null }[]> {
  const response = await page.request.get("/api/todos");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { todos: { title: string; dueOn: string | null }[] }).todos;
}

test("a date typed in the add bar becomes the due date, and its words leave the title", async ({ page, signedIn: _ }) => {
  await page.goto("/dashboard/todo");
  const input = page.getByLabel("새 할 일");
  await input.fill("내일 오후 3시 보고서");
  await expect(page.getByText("마감일: 내일")).toBeVisible();
  await expect(page.getByText("할 일에는 날짜만 저장됩니다 (15:00은 저장되지 않습니다).")).toBeVisible();
  await input.press("Enter");

  const due = page.getByRole("button", { name: "마감일 내일: 보고서" });
  await expect(due).toHaveText("내일");
  await expect(page.getByRole("button", { name: "보고서 제목 수정" })).toHaveText("보고서");
  expect(await savedTodos(page)).toMatchObject([{ title: "보고서", dueOn: addDays(todayInBrowserZone(), 1) }]);

  // Taking the chip away keeps the words as typed, and no date.
  await input.fill("모레 장보기");
  await page.getByRole("button", { name: "인식된 날짜 빼기: " + inKorean(addDays(todayInBrowserZone(), 2)) }).click();
  await expect(page.getByText(/^마감일: /)).toHaveCount(0);
  await input.press("Enter");
  await expect(page.getByRole("button", { name: "마감일 정하기: 모레 장보기" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("button", { name: "마감일 내일: 보고서" })).toHaveText("내일");
});

test("the date chooser: quick choices, a date typed in words, none; Esc closes it and gives focus back", async ({ page, signedIn: _ }) => {
  await addTodos(page, [{ title: "청소" }]);
  await page.goto("/dashboard/todo");
  const today = todayInBrowserZone();
  const chooser = page.getByRole("dialog", { name: "마감일 고르기" });

  const none = page.getByRole("button", { name: "마감일 정하기: 청소" });
  await none.click();
  await expect(chooser).toBeVisible();
  await expect(chooser.getByRole("button", { name: /^오늘/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(chooser).toBeHidden();
  await expect(none).toBeFocused();

  // Opened from the keyboard, and a choice made with it.
  await page.keyboard.press("Enter");
  await expect(chooser).toBeVisible();
  await chooser.getByRole("button", { name: /^다음 주/ }).click();
  await expect(chooser).toBeHidden();
  // Monday of next week (weeks start on Monday).
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const nextMonday = addDays(today, 7 - ((weekday + 6) % 7));
  const words = nextMonday === addDays(today, 1) ? "내일" : inKorean(nextMonday);
  const set = page.getByRole("button", { name: `마감일 ${words}: 청소` });
  await expect(set).toHaveText(words);
  await expect(set).toBeFocused();
  await expect.poll(async () => (await savedTodos(page))[0]?.dueOn).toBe(nextMonday);

  await set.click();
  await chooser.getByRole("button", { name: "날짜 선택" }).click();
  const typed = chooser.getByLabel("날짜를 말로 입력 (예: 다음 주 금요일)");
  await typed.fill("아무 말");
  await expect(typed).toHaveAccessibleDescription(/^알아볼 수 있는 날짜가 아닙니다/);
  await typed.fill("3일 후");
  await expect(typed).toHaveAccessibleDescription(inKorean(addDays(today, 3)));
  await typed.press("Enter");
  await expect(page.getByRole("button", { name: `마감일 ${inKorean(addDays(today, 3))}: 청소` })).toBeVisible();
  await expect.poll(async () => (await savedTodos(page))[0]?.dueOn).toBe(addDays(today, 3));

  await page.getByRole("button", { name: /^마감일 .*: 청소$/ }).click();
  await chooser.getByRole("button", { name: "없음" }).click();
  await expect(page.getByRole("button", { name: "마감일 정하기: 청소" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "마감일 정하기: 청소" })).toBeVisible();
});

test("an overdue date is shown in words, marked as overdue", async ({ page, signedIn: _ }) => {
  const today = todayInBrowserZone();
  await addTodos(page, [{ title: "지난 일", dueOn: addDays(today, -3) }]);
  await page.goto("/dashboard/todo");
  await expect(page.getByRole("button", { name: `마감일 ${inKorean(addDays(today, -3))}: 지난 일` })).toBeVisible();
  await expect(page.getByRole("list", { name: "할 일" }).getByText("기한 지남")).toBeVisible();
});

test("done items fold into a group that counts them; long titles wrap", async ({ page, signedIn: _ }) => {
  const long = "아주 긴 제목이 한 줄에 다 들어가지 않을 때에도 잘리지 않고 다음 줄로 이어져서 끝까지 읽을 수 있어야 합니다 ".repeat(2).trim();
  await addTodos(page, [{ title: "하나" }, { title: "둘" }, { title: "셋" }, { title: long }]);
  await page.goto("/dashboard/todo");
  const list = page.getByRole("list", { name: "할 일" });
  // Clicks, not check(): a row that is done moves into the folded group.
  await page.getByRole("checkbox", { name: "하나 완료" }).click();
  await expect(page.getByRole("button", { name: "완료됨 (1)" })).toBeVisible();
  await page.getByRole("checkbox", { name: "둘 완료" }).click();

  const group = page.getByRole("button", { name: "완료됨 (2)" });
  await expect(group).toHaveAttribute("aria-expanded", "false");
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("list", { name: "완료" })).toBeHidden();

  await group.click();
  await expect(group).toHaveAttribute("aria-expanded", "true");
  const done = page.getByRole("list", { name: "완료" });
  await expect(done.getByRole("listitem")).toHaveCount(2);
  await done.getByRole("checkbox", { name: "둘 완료" }).click();
  await expect(page.getByRole("button", { name: "완료됨 (1)" })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await page.reload();
  await expect(page.getByRole("button", { name: "완료됨 (1)" })).toHaveAttribute("aria-expanded", "false");

  const title = page.getByRole("button", { name: `${long} 제목 수정` });
  const shape = await title.evaluate((element) => ({ cut: element.scrollWidth > element.clientWidth, lines: element.clientHeight / parseFloat(getComputedStyle(element).lineHeight) }));
  expect(shape.cut).toBe(false);
  expect(shape.lines).toBeGreaterThanOrEqual(2);
});

test("layout: the checkbox is on the title's line, the list comes first and the add bar stays at the bottom", async ({ page, signedIn: _, isMobile }) => {
  // The phone project's screen is the common 390×844 one; the desktop keeps its own.
  if (isMobile) await page.setViewportSize({ width: 390, height: 844 });
  await addTodos(
    page,
    Array.from({ length: 20 }, (_, index) => ({ title: index === 0 ? "긴 제목의 할 일이 화면 폭보다 길어도 체크 상자와 같은 줄에서 시작합니다" : `할 일 ${index}` })),
  );
  await page.goto("/dashboard/todo");
  const list = page.getByRole("list", { name: "할 일" });
  await expect(list.getByRole("listitem")).toHaveCount(20);

  for (const row of [list.getByRole("listitem").first(), list.getByRole("listitem").nth(5)]) {
    const checkbox = await row.getByRole("checkbox").boundingBox();
    const title = await row.getByRole("button", { name: /제목 수정$/ }).boundingBox();
    if (!checkbox || !title) throw new Error("row not drawn");
    // Same line: the checkbox overlaps the title's first line vertically and sits left of it.
    expect(checkbox.y).toBeLessThan(title.y + 24);
    expect(checkbox.y + checkbox.height).toBeGreaterThan(title.y);
    expect(checkbox.x + checkbox.width).toBeLessThanOrEqual(title.x);
  }

  const addBar = page.locator("form").filter({ has: page.getByRole("button", { name: "추가" }) });
  const viewport = page.viewportSize();
  if (!viewport) throw new Error("no viewport");
  // The list comes first, on the screen and for the keyboard.
  expect(await list.evaluate((element) => Boolean(element.compareDocumentPosition(document.querySelector("#new-todo")!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  for (const scrollY of [0, 400]) {
    await page.evaluate((y) => window.scrollTo(0, y), scrollY);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrollY);
    const bar = await addBar.boundingBox();
    const top = await list.boundingBox();
    if (!bar || !top) throw new Error("not drawn");
    expect(Math.abs(bar.y + bar.height - viewport.height)).toBeLessThanOrEqual(1);
    if (scrollY === 0) expect(top.y).toBeLessThan(bar.y);
  }
  await page.getByLabel("새 할 일").fill("맨 아래에서 추가");
  await page.getByLabel("새 할 일").press("Enter");
  await expect(list.getByRole("listitem")).toHaveCount(21);
});
