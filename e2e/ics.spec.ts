import { request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";

test("a subscription URL made in settings serves the calendar without cookies until it is revoked", async ({ page, signedIn: _, baseURL }) => {
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/events", { data: { title: "구독 확인용 일정", startsAt: "2026-12-03T10:00:00+09:00", endsAt: "2026-12-03T11:00:00+09:00" }, headers: { origin } });
  expect(created.status()).toBe(201);

  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "캘린더 구독" });
  await expect(panel.getByTestId("calendar-feed-status")).toHaveText("구독 주소가 없습니다.");
  await panel.getByRole("button", { name: "구독 주소 만들기" }).click();
  const url = await panel.getByRole("textbox", { name: "구독 주소" }).inputValue();
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(panel.getByTestId("calendar-feed-status")).toContainText("구독 주소 사용 중");

  // A calendar app: no cookies, no session.
  const calendarApp = await playwrightRequest.newContext({ baseURL });
  const path = new URL(url).pathname;
  const served = await calendarApp.get(path);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await served.text()).toContain("SUMMARY:구독 확인용 일정");

  await panel.getByRole("button", { name: "구독 주소 해지" }).click();
  await expect(panel.getByRole("status")).toHaveText("구독 주소를 해지했습니다.");
  expect((await calendarApp.get(path)).status()).toBe(404);
  await calendarApp.dispose();

  const download = page.waitForEvent("download");
  await panel.getByRole("link", { name: "ICS 파일 내보내기" }).click();
  expect((await download).suggestedFilename()).toMatch(/^tropical-\d{4}-\d{2}-\d{2}\.ics$/);
});

test("an .ics file is previewed, then imported on confirm", async ({ page, signedIn: _ }) => {
  const ics = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Other//EN",
    "BEGIN:VEVENT",
    "UID:e2e-weekly",
    "DTSTART;TZID=Asia/Seoul:20261207T090000",
    "DTEND;TZID=Asia/Seoul:20261207T100000",
    "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4",
    "SUMMARY:가져온 주간 회의",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "UID:e2e-hourly",
    "DTSTART:20261208T000000Z",
    "RRULE:FREQ=HOURLY",
    "SUMMARY:매시간",
    "END:VEVENT",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "ICS 파일 가져오기" });
  await panel.getByLabel(".ics 파일").setInputFiles({ name: "work.ics", mimeType: "text/calendar", buffer: Buffer.from(ics) });
  await expect(panel.getByRole("status")).toHaveText("가져올 일정 1개, 건너뛸 일정 1개");
  const preview = panel.getByRole("list", { name: "미리 보기" });
  await expect(preview.getByRole("listitem").filter({ hasText: "가져온 주간 회의" })).toContainText("가져옴");
  await expect(preview.getByRole("listitem").filter({ hasText: "매시간" })).toContainText("지원하지 않는 반복 규칙");
  await panel.getByRole("button", { name: "1개 가져오기" }).click();
  await expect(panel.getByRole("status")).toHaveText("1개를 가져왔고 1개를 건너뛰었습니다.");

  const listed = await page.request.get("/api/events?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z");
  const { events } = (await listed.json()) as { events: { title: string }[] };
  expect(events.filter((event) => event.title === "가져온 주간 회의")).toHaveLength(4);
});
