import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Korean words stay whole across line breaks, and Hangul is drawn with Pretendard in both page
// languages, fetched subset by subset.

const LONG_TITLE = "바르셀로나 가우디 건축 투어와 사그라다 파밀리아 성당 관람 일정을 친구들에게 보내드립니다";

// Every run of Hangul syllables on the page that the layout split over two lines, with the line
// each part went to. Runs are followed across inline elements (a highlighted part of a title) but
// not out of their block; each syllable's line is where its box is.
function splitKoreanWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const block = (node: Node): Element | null => {
      for (let element = node.parentElement; element; element = element.parentElement) {
        if (!getComputedStyle(element).display.startsWith("inline")) return element;
      }
      return null;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const split: string[] = [];
    let word = "";
    let lines: number[] = [];
    let wordBlock: Element | null = null;
    const end = () => {
      if (new Set(lines).size > 1) split.push(`${word} (${lines.join(",")}) in <${wordBlock?.tagName.toLowerCase()}> "${wordBlock?.textContent?.slice(0, 60)}"`);
      word = "";
      lines = [];
    };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parentBlock = block(node);
      if (parentBlock !== wordBlock) end();
      wordBlock = parentBlock;
      for (let index = 0; index < text.length; index += 1) {
        if (!/[가-힣]/.test(text[index] ?? "")) {
          end();
          continue;
        }
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const previous = lines.at(-1);
        // A syllable starting below the middle of the one before it is on a new line.
        lines.push(previous !== undefined && box.top < previous + box.height / 2 ? previous : Math.round(box.top));
        word += text[index];
      }
    }
    end();
    return split;
  });
}

async function expectNoSplitWords(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  expect(await splitKoreanWords(page), path).toEqual([]);
}

test("Korean words are not split across lines on the welcome, sign-up and verify pages", async ({ page }) => {
  for (const path of ["/", "/signup", "/verify-required", "/forgot-password"]) await expectNoSplitWords(page, path);
});

test("a long Korean event title, todo and nickname keep their words whole, on Korean and English pages", async ({ page, context, signedIn }) => {
  void signedIn;
  const origin = new URL(page.url()).origin;
  const today = new Date().toISOString().slice(0, 10);
  expect((await page.request.post("/api/events", { data: { title: LONG_TITLE, startsAt: `${today}T01:00:00Z`, endsAt: `${today}T02:00:00Z` }, headers: { origin } })).status()).toBe(201);
  expect((await page.request.post("/api/todos", { data: { title: LONG_TITLE }, headers: { origin } })).status()).toBe(201);
  for (const language of ["ko", "en"]) {
    await context.addCookies([{ name: "lang", value: language, url: origin }]);
    for (const path of ["/dashboard/search?q=%EB%B0%94%EB%A5%B4%EC%85%80%EB%A1%9C%EB%82%98", "/dashboard/todo", "/dashboard"]) await expectNoSplitWords(page, `${path}#${language}`);
  }
});

// The files the "Pretendard Hangul" faces name; the ones this page fetched; and the ones its text
// needs, by their unicode-range over the Hangul the page shows (options of a closed select too).
async function pretendardFiles(page: Page): Promise<{ all: string[]; fetched: string[]; needed: string[] }> {
  return page.evaluate(() => {
    const faces: { url: string; ranges: [number, number][] }[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
      for (const rule of Array.from(sheet.cssRules)) {
        if (!(rule instanceof CSSFontFaceRule) || !rule.style.getPropertyValue("font-family").includes("Pretendard Hangul")) continue;
        const url = /url\("?([^")]+)"?\)/.exec(rule.style.getPropertyValue("src"))?.[1];
        const ranges = rule.style
          .getPropertyValue("unicode-range")
          .split(",")
          .map((part): [number, number] => {
            const [start = "0", end = start] = part.trim().slice(2).split("-");
            return [Number.parseInt(start, 16), Number.parseInt(end, 16)];
          });
        if (url) faces.push({ url: new URL(url, sheet.href ?? location.href).href, ranges });
      }
    }
    const text = document.body.innerText + Array.from(document.querySelectorAll("option"), (option) => option.text).join("");
    const codes = new Set(Array.from(text, (character) => character.codePointAt(0) ?? 0));
    const needed = faces.filter((face) => [...codes].some((code) => face.ranges.some(([start, end]) => code >= start && code <= end))).map((face) => face.url);
    const all = new Set(faces.map((face) => face.url));
    const fetched = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => all.has(name));
    return { all: [...all], fetched, needed };
  });
}

function loadedPretendardFaces(page: Page): Promise<number> {
  return page.evaluate(() => Array.from(document.fonts).filter((face) => face.family.includes("Pretendard Hangul") && face.status === "loaded").length);
}

test("an English page without Hangul fetches no Pretendard file", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL ?? "" }]);
  for (const path of ["/login", "/signup"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const { all, fetched } = await pretendardFiles(page);
    expect(all.length, "the Pretendard faces are declared").toBeGreaterThan(50);
    expect(fetched, path).toEqual([]);
  }
});

test("an English page with a Korean title fetches the few Pretendard files its Hangul needs and draws it with them", async ({ browser, page, context, signedIn }) => {
  void signedIn;
  const origin = new URL(page.url()).origin;
  expect((await page.request.post("/api/bucket-items", { data: { title: "오로라 보기" }, headers: { origin } })).status()).toBe(201);
  // A first load: the signed-in tab has Korean pages' fonts in its memory cache.
  const fresh = await browser.newContext({ storageState: await context.storageState() });
  await fresh.addCookies([{ name: "lang", value: "en", url: origin }]);
  const english = await fresh.newPage();
  await english.goto(`${origin}/dashboard/bucket`);
  await expect(english.getByText("오로라 보기")).toBeVisible();
  await english.waitForLoadState("networkidle");
  await expect.poll(() => loadedPretendardFaces(english)).toBeGreaterThan(0);
  const { fetched, needed } = await pretendardFiles(english);
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.length).toBeLessThanOrEqual(6);
  expect(needed).toEqual(expect.arrayContaining(fetched));
  await fresh.close();
});

test("a Korean page fetches only the Pretendard subsets its text needs", async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const { all, fetched, needed } = await pretendardFiles(page);
  expect(fetched.length).toBeGreaterThan(0);
  expect(needed).toEqual(expect.arrayContaining(fetched));
  expect(fetched.length).toBeLessThan(all.length / 4);
});
