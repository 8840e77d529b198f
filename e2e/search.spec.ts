import type { Page } from "@playwright/test";
import { expect, holdScripts, test, todayInBrowserZone } from "./fixtures";

async function plant(page: Page): Promise<string> {
  const origin = new URL(page.url()).origin;
  const today = todayInBrowserZone();
  const posts: [string, Record<string, unknown>][] = [
    ["/api/events", { title: "주간 회의", description: "안건 정리", startsAt: `${today}T10:00:00+09:00`, endsAt: `${today}T11:00:00+09:00` }],
    ["/api/events", { title: "치과", startsAt: `${today}T15:00:00+09:00`, endsAt: `${today}T16:00:00+09:00` }],
    ["/api/todos", { title: "회의록 보내기" }],
    ["/api/bucket-items", { title: "오로라 보기", description: "아이슬란드에서 회의 없는 한 달", category: "TRAVEL" }],
  ];
  for (const [path, data] of posts) expect((await page.request.post(path, { data, headers: { origin } })).status()).toBe(201);
  return today;
}

const searchField = (page: Page) => page.getByRole("search", { name: "일정, 할 일, 버킷리스트 검색" }).getByRole("searchbox");

test("search from the header: results grouped by kind, the match marked, an event leads to its day", async ({ page, signedIn: _ }) => {
  const today = await plant(page);
  await searchField(page).fill("ㅎㅇ");
  await searchField(page).press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/search\?q=%E3%85%8E%E3%85%87$/);
  await expect(page).toHaveTitle("검색 · TropiCal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“ㅎㅇ” 검색 결과");

  const events = page.getByRole("region", { name: "일정 1개" });
  const todos = page.getByRole("region", { name: "할 일 1개" });
  const bucket = page.getByRole("region", { name: "버킷리스트 1개" });
  await expect(events.getByRole("link")).toHaveCount(1);
  await expect(events.getByRole("link")).toContainText("주간 회의");
  await expect(events.getByRole("link")).toContainText("10:00–11:00");
  await expect(events.locator("mark")).toHaveText(["회의"]);
  await expect(todos.getByRole("link", { name: /회의록 보내기/ })).toHaveAttribute("href", "/dashboard/todo");
  await expect(bucket.getByRole("link", { name: /오로라 보기/ })).toHaveAttribute("href", "/dashboard/bucket");
  await expect(bucket.locator("mark")).toHaveText(["회의"]);

  await events.getByRole("link").click();
  await expect(page).toHaveURL(`/dashboard?date=${today}`);
  await expect(page.getByRole("grid", { name: "캘린더" }).getByRole("button", { name: "10:00 주간 회의" })).toBeVisible();
});

test("search: nothing found says so, and the header's form works before the page's scripts have run", async ({ page, signedIn: _ }) => {
  await plant(page);
  const release = await holdScripts(page);
  await page.goto("/dashboard/todo", { waitUntil: "domcontentloaded" });
  await searchField(page).fill("없는 말");
  await searchField(page).press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/search\?q=/);
  await expect(page.getByText("“없는 말”에 맞는 일정, 할 일, 버킷리스트가 없습니다.")).toBeVisible();
  await searchField(page).fill("회ㅇ");
  await searchField(page).press("Enter");
  await expect(page.getByRole("region", { name: "할 일 1개" }).getByRole("link", { name: /회의록 보내기/ })).toBeVisible();
  release();
});
