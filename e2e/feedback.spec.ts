import type { Page } from "@playwright/test";
import { timeStep, totpCode } from "../lib/auth/totp";
import { expect, test } from "./fixtures";

// One toast for every deletion: it says what went, is read out (role status), offers an undo that
// brings the item back, and only when it goes is the item deleted on the server.

const toast = (page: Page, text: string) => page.getByRole("region", { name: "알림" }).getByRole("status").filter({ hasText: text });

async function post(page: Page, path: string, data: unknown) {
  const response = await page.request.post(path, { data, headers: { origin: new URL(page.url()).origin } });
  expect(response.status()).toBe(201);
}

async function titles(page: Page, path: string, key: "events" | "todos" | "items"): Promise<string[]> {
  const body = (await (await page.request.get(path)).json()) as Record<string, { title: string }[]>;
  return (body[key] ?? []).map((item) => item.title);
}

test("an event deleted from its dialog can be undone from the toast, and is deleted once the toast goes", async ({ page, signedIn: _ }) => {
  const today = new Date().toISOString().slice(0, 10);
  await post(page, "/api/events", { title: "치과 예약", startsAt: `${today}T01:00:00Z`, endsAt: `${today}T02:00:00Z` });
  const range = `/api/events?from=${today}T00:00:00.000Z&to=${today}T23:59:59.000Z`;
  await page.reload();
  const grid = page.getByRole("grid", { name: "캘린더" });
  const event = grid.getByRole("button", { name: "10:00 치과 예약" });

  await event.click();
  await page.getByRole("dialog", { name: "일정 수정" }).getByRole("button", { name: "삭제" }).click();
  await expect(event).toHaveCount(0);
  await expect(toast(page, "삭제했습니다: 치과 예약")).toBeVisible();
  await toast(page, "치과 예약").getByRole("button", { name: "실행 취소" }).click();
  await expect(event).toBeVisible();
  await expect(toast(page, "치과 예약")).toHaveCount(0);
  expect(await titles(page, range, "events")).toEqual(["치과 예약"]);

  await event.click();
  await page.getByRole("dialog", { name: "일정 수정" }).getByRole("button", { name: "삭제" }).click();
  await toast(page, "치과 예약").getByRole("button", { name: "알림 닫기" }).click();
  await expect.poll(() => titles(page, range, "events")).toEqual([]);
});

test("a todo's undo is in the same toast, reached with the keyboard", async ({ page, signedIn: _ }) => {
  await post(page, "/api/todos", { title: "우체국 가기" });
  await page.goto("/dashboard/todo");
  const list = page.getByRole("list", { name: "할 일" });
  await page.getByRole("button", { name: "삭제: 우체국 가기" }).click();
  await expect(list).toHaveCount(0);
  const undo = toast(page, "삭제했습니다: 우체국 가기").getByRole("button", { name: "실행 취소" });
  await undo.focus();
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(list.getByText("우체국 가기")).toBeVisible();
  expect(await titles(page, "/api/todos", "todos")).toEqual(["우체국 가기"]);

  // The toast stays while the pointer is on it, and goes (deleting the todo) on its own after.
  await page.getByRole("button", { name: "삭제: 우체국 가기" }).click();
  await toast(page, "우체국 가기").hover();
  await page.waitForTimeout(7_000);
  await expect(toast(page, "우체국 가기")).toBeVisible();
  expect(await titles(page, "/api/todos", "todos")).toEqual(["우체국 가기"]);
  await page.mouse.move(0, 0);
  await expect(toast(page, "우체국 가기")).toHaveCount(0, { timeout: 10_000 });
  await expect.poll(() => titles(page, "/api/todos", "todos")).toEqual([]);
});

test("a bucket item is deleted without the browser's confirm dialog, and undone from the toast", async ({ page, signedIn: _ }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await post(page, "/api/bucket-items", { title: "제주 올레길 걷기" });
  await page.goto("/dashboard/bucket");
  await page.getByRole("button", { name: "삭제: 제주 올레길 걷기" }).click();
  await expect(page.getByRole("heading", { name: "제주 올레길 걷기" })).toHaveCount(0);
  await expect(page.getByTestId("bucket-progress")).toHaveText("0 / 0 달성");
  await toast(page, "삭제했습니다: 제주 올레길 걷기").getByRole("button", { name: "실행 취소" }).click();
  await expect(page.getByRole("heading", { name: "제주 올레길 걷기" })).toBeVisible();
  expect(await titles(page, "/api/bucket-items", "items")).toEqual(["제주 올레길 걷기"]);

  // Leaving the page sends the deletion; the next page already leaves the item out.
  await page.getByRole("button", { name: "삭제: 제주 올레길 걷기" }).click();
  await page.reload();
  await expect(page.getByText("아직 버킷리스트가 없습니다.")).toBeVisible();
  await expect.poll(() => titles(page, "/api/bucket-items", "items")).toEqual([]);
  expect(dialogs).toEqual([]);
});

test("marking a bucket item achieved shows the save as busy", async ({ page, signedIn: _ }) => {
  await post(page, "/api/bucket-items", { title: "스카이다이빙" });
  await page.goto("/dashboard/bucket");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "스카이다이빙" }) });
  await item.getByRole("button", { name: "달성으로 표시" }).click();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/bucket-items/*", async (route) => {
    await held;
    await route.continue();
  });
  await item.getByRole("button", { name: "달성으로 표시" }).click();
  await expect(item.getByRole("button", { name: "처리 중…" })).toHaveAttribute("aria-busy", "true");
  release();
  await expect(item.getByRole("button", { name: "달성 취소" })).toBeVisible();
});

// Red says "failed": good news must not look like it.
test("turning on two-step verification is said in the success style, not the error one", async ({ page, signedIn: _ }) => {
  await page.getByRole("link", { name: "설정" }).click();
  const panel = page.getByRole("region", { name: "2단계 인증 (인증 앱)" });
  await panel.getByRole("button", { name: "설정하기" }).click();
  const secret = (await panel.getByTestId("totp-secret").textContent()) ?? "";
  await panel.getByLabel("인증 코드").fill("000000");
  await panel.getByRole("button", { name: "켜기" }).click();
  const error = panel.getByRole("alert");
  await expect(error).toBeVisible();
  // As sRGB channels, whatever colour syntax the stylesheet used: a canvas pixel reads it back.
  const style = (element: Element) => {
    const rgb = (colour: string) => {
      const context = document.createElement("canvas").getContext("2d");
      if (!context) return [0, 0, 0];
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const computed = getComputedStyle(element);
    return { color: rgb(computed.color), background: rgb(computed.backgroundColor) };
  };
  const errorStyle = await error.evaluate(style);

  await panel.getByLabel("인증 코드").fill(totpCode(secret, timeStep()));
  await panel.getByRole("button", { name: "켜기" }).click();
  const success = panel.getByRole("status").filter({ hasText: "2단계 인증을 켰습니다." });
  await expect(success).toBeVisible();
  const successStyle = await success.evaluate(style);
  expect(successStyle.color).not.toEqual(errorStyle.color);
  expect(successStyle.background).not.toEqual(errorStyle.background);
  // Not red either: in text and background, red does not stand out over green and blue.
  for (const [red = 0, green = 0, blue = 0] of [successStyle.color, successStyle.background]) expect(red).toBeLessThanOrEqual(Math.max(green, blue));
});
