// `npm run screenshots`: the main screens, in light and dark, on a desktop and a phone, written to
// docs/screenshots/ for the README. Runs the production build (`npm run build` first) on a stack of
// its own, with one sample account whose month has a few events, todos and bucket items.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startOwnStack } from "../tests/helpers/own-stack";
import { verificationLink, waitForMail } from "../tests/helpers/mail";
import { PASSWORD, signupBody } from "../tests/helpers/users";
import { browserLaunchOptions } from "./chromium";

const OUT = path.join("docs", "screenshots");
const SEOUL = "Asia/Seoul";

// The sample month: relative to today, so a screenshot always shows a lived-in current month.
function day(offset: number): string {
  const date = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: SEOUL, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}
const at = (offset: number, time: string) => `${day(offset)}T${time}:00+09:00`;

const EVENTS = [
  { title: "팀 주간 회의", startsAt: at(0, "10:00"), endsAt: at(0, "11:00"), color: "BLUE" },
  { title: "점심 — 을지로", startsAt: at(1, "12:30"), endsAt: at(1, "13:30"), color: "ORANGE" },
  { title: "제주 여행", startsAt: `${day(4)}T00:00:00Z`, endsAt: `${day(7)}T00:00:00Z`, allDay: true, color: "TEAL" },
  { title: "치과 예약", startsAt: at(2, "18:00"), endsAt: at(2, "18:30"), color: "ROSE" },
  { title: "야간 배포", startsAt: at(8, "20:00"), endsAt: at(9, "02:00"), color: "VIOLET" },
  { title: "요가", startsAt: at(-2, "07:00"), endsAt: at(-2, "08:00"), color: "GREEN" },
];
const TODOS = [
  { title: "분기 보고서 초안 쓰기", dueOn: day(0), priority: "HIGH" },
  { title: "엄마 생신 선물 고르기", dueOn: day(3), priority: "MEDIUM" },
  { title: "여권 사진 찍기", dueOn: day(7), priority: "LOW" },
  { title: "Renew the gym membership", dueOn: null, priority: "MEDIUM" },
];
const BUCKET = [
  { title: "오로라 보기", category: "TRAVEL", targetOn: day(300) },
  { title: "하프 마라톤 완주", category: "HEALTH", targetOn: day(120) },
  { title: "스페인어 B1", category: "LEARNING", targetOn: null },
];

const SCREENS = [
  { name: "welcome", path: "/", signedIn: false },
  { name: "login", path: "/login", signedIn: false },
  { name: "calendar", path: "/dashboard", signedIn: true },
  { name: "week", path: "/dashboard?view=week", signedIn: true },
  { name: "todo", path: "/dashboard/todo", signedIn: true },
  { name: "bucket", path: "/dashboard/bucket", signedIn: true },
];
const VIEWPORTS = [
  { name: "desktop", device: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  { name: "phone", device: devices["Pixel 7"] },
];

async function sampleAccount(baseUrl: string, mailDir: string, browser: Browser): Promise<string> {
  const email = `sample-${Date.now()}@example.test`;
  const context = await browser.newContext({ baseURL: baseUrl, locale: "ko-KR", timezoneId: SEOUL });
  const api = context.request;
  const origin = { origin: baseUrl };
  const signup = await api.post("/api/auth/signup", { data: { ...signupBody(email), nickname: "여행자" }, headers: origin });
  if (signup.status() !== 201) throw new Error(`sign-up answered ${signup.status()}`);
  const [mail] = await waitForMail(email, 1, 15_000, mailDir);
  const token = new URL(verificationLink(mail!)).searchParams.get("token");
  const verified = await api.post("/api/auth/verify", { form: { token: token ?? "" }, headers: origin, maxRedirects: 0 });
  if (verified.status() >= 400) throw new Error(`verification answered ${verified.status()}`);
  const storage = path.join(path.dirname(mailDir), "sample-account.json");
  await logIn(context, email);
  for (const [route, items] of [
    ["/api/events", EVENTS],
    ["/api/todos", TODOS],
    ["/api/bucket-items", BUCKET],
  ] as const) {
    for (const item of items) {
      const answer = await api.post(route, { data: item, headers: origin });
      if (!answer.ok()) throw new Error(`${route} answered ${answer.status()}: ${await answer.text()}`);
    }
  }
  await context.storageState({ path: storage });
  await context.close();
  return storage;
}

// Through the login page, as a person would, so the account knows this browser from then on.
async function logIn(context: BrowserContext, email: string): Promise<void> {
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("이메일").fill(email);
  await page.getByLabel("비밀번호", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "로그인", exact: true }).click();
  await page.waitForURL(/\/dashboard/);
  await page.close();
}

async function capture(page: Page, file: string): Promise<void> {
  // Fonts and the service worker's first install settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: file, animations: "disabled" });
  console.log(file);
}

async function main(): Promise<void> {
  const stack = await startOwnStack("screenshots");
  const browser = await chromium.launch(browserLaunchOptions());
  try {
    await mkdir(OUT, { recursive: true });
    const storage = await sampleAccount(stack.baseUrl, stack.mailDir, browser);
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of ["light", "dark"] as const) {
        for (const signedIn of [false, true]) {
          const context = await browser.newContext({
            ...viewport.device,
            baseURL: stack.baseUrl,
            locale: "ko-KR",
            timezoneId: SEOUL,
            colorScheme,
            storageState: signedIn ? storage : undefined,
          });
          const page = await context.newPage();
          for (const screen of SCREENS.filter((each) => each.signedIn === signedIn)) {
            await page.goto(screen.path);
            await capture(page, path.join(OUT, `${screen.name}-${viewport.name}-${colorScheme}.png`));
          }
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
