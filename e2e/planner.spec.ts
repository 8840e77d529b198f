import { expect, holdScripts, hydrated, test, todayInBrowserZone } from "./fixtures";

// Each test signs a fresh user in (fixture `signedIn`) and works only through the UI.

test("calendar: create an event on a day, edit it, see it in the week view, delete it", async ({ page, signedIn: _ }) => {
  const grid = page.getByRole("grid", { name: "캘린더" });
  await grid
    .locator('[aria-current="date"]')
    .getByRole("button", { name: /에 일정 추가$/ })
    .click();
  await page.getByRole("dialog", { name: "빠른 일정 추가" }).getByRole("button", { name: "더 보기" }).click();
  const dialog = page.getByRole("dialog", { name: "새 일정" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog.getByText("제목을 입력해 주세요.")).toBeVisible();

  await dialog.getByLabel("제목").fill("팀 회의");
  await dialog.getByLabel("시작 (Asia/Seoul)").fill("10:00");
  await dialog.getByLabel("종료 (Asia/Seoul)").fill("09:00");
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog.getByText("종료는 시작보다 빠를 수 없습니다.")).toBeVisible();
  await dialog.getByLabel("종료 (Asia/Seoul)").fill("11:30");
  await dialog.getByLabel("장소").fill("본사 3층");
  await dialog.getByTitle("파랑").click();
  await dialog.getByRole("button", { name: "저장" }).click();
  await expect(dialog).toBeHidden();
  await expect(grid.getByRole("button", { name: "10:00 팀 회의" })).toBeVisible();

  await grid.getByRole("button", { name: "10:00 팀 회의" }).click();
  const edit = page.getByRole("dialog", { name: "일정 수정" });
  await expect(edit.getByLabel("장소")).toHaveValue("본사 3층");
  await edit.getByLabel("제목").fill("팀 회의 (변경)");
  await edit.getByRole("button", { name: "저장" }).click();
  await expect(grid.getByRole("button", { name: "10:00 팀 회의 (변경)" })).toBeVisible();

  // Still there after a reload: it was saved, not just drawn. The page arrives with this month
  // already drawn (its time zone is saved by now), so it asks the API for nothing on the way.
  const loads: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/(events|todos|bucket-items)(\?|$)/.test(request.url())) loads.push(request.url());
  });
  await page.reload();
  await expect(grid.getByRole("button", { name: "10:00 팀 회의 (변경)" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(loads).toEqual([]);

  await page.getByRole("button", { name: "주", exact: true }).click();
  await expect(grid.getByRole("button", { name: "10:00 팀 회의 (변경)" })).toBeVisible();
  await grid.getByRole("button", { name: "10:00 팀 회의 (변경)" }).click();
  await page.getByRole("dialog", { name: "일정 수정" }).getByRole("button", { name: "삭제" }).click();
  await expect(grid.getByRole("button", { name: /팀 회의/ })).toHaveCount(0);
  await page.reload();
  await expect(grid.getByRole("button", { name: /팀 회의/ })).toHaveCount(0);
});

test("todo: add with Enter, edit inline, complete, filter, reorder, delete with undo", async ({ page, signedIn: _ }) => {
  await page.getByRole("link", { name: "할 일" }).click();
  const input = page.getByLabel("새 할 일");
  await input.fill("우유 사기");
  await input.press("Enter");
  await input.fill("보고서 쓰기");
  await input.press("Enter");
  await input.fill("엄마께 전화");
  await input.press("Enter");
  const list = page.getByRole("list", { name: "할 일" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(input).toHaveValue("");

  await page.getByRole("button", { name: "보고서 쓰기 제목 수정" }).click();
  await page.getByRole("textbox", { name: "보고서 쓰기 제목 수정" }).fill("주간 보고서 쓰기");
  await page.getByRole("textbox", { name: "보고서 쓰기 제목 수정" }).press("Enter");
  await expect(list.getByText("주간 보고서 쓰기")).toBeVisible();

  // A click, not check(): once done, the row moves into the folded group.
  await page.getByRole("checkbox", { name: "우유 사기 완료" }).click();
  await expect(page.getByRole("button", { name: "완료됨 (1)" })).toBeVisible();
  await page.getByRole("button", { name: "완료", exact: true }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "진행 중" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await page.getByRole("button", { name: "전체" }).click();
  // In the whole list the done one waits, folded, in its own group.
  await expect(list.getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "엄마께 전화 위로 이동" }).click();
  await expect(list.getByRole("listitem").first()).toContainText("엄마께 전화");
  await page.reload();
  await expect(list.getByRole("listitem").first()).toContainText("엄마께 전화");

  await page.getByRole("button", { name: "삭제: 엄마께 전화" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "실행 취소" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "완료됨 (1)" }).click();
  await page.getByRole("button", { name: "삭제: 우유 사기" }).click();
  await expect(page.getByRole("button", { name: "실행 취소" })).toBeVisible();
  // Leaving the page commits the deletion at once.
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("우유 사기")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^완료됨/ })).toHaveCount(0);
});

test("todo: a change the server refuses is rolled back with a message", async ({ page, signedIn: _ }) => {
  await page.getByRole("link", { name: "할 일" }).click();
  await page.getByLabel("새 할 일").fill("취소될 일");
  await page.getByLabel("새 할 일").press("Enter");
  const checkbox = page.getByRole("checkbox", { name: "취소될 일 완료" });
  await expect(checkbox).toBeVisible();
  await page.route("**/api/todos/*", (route) => (route.request().method() === "PATCH" ? route.abort("connectionreset") : route.continue()));
  await checkbox.click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("저장하지 못했습니다. 변경을 되돌렸습니다.");
  await expect(checkbox).not.toBeChecked();
});

test("bucket list: add, achieve with a note, see the progress, edit, delete", async ({ page, signedIn: _ }) => {
  await page.getByRole("link", { name: "버킷리스트" }).click();
  await expect(page.getByText("아직 버킷리스트가 없습니다.")).toBeVisible();
  const newItem = page.getByRole("form", { name: "새 버킷리스트" });
  await newItem.getByLabel("제목").fill("오로라 보기");
  await newItem.getByLabel("분류").selectOption("HEALTH");
  await newItem.getByLabel("설명").fill("아이슬란드에서");
  await newItem.getByRole("button", { name: "추가" }).click();
  await expect(page.getByRole("heading", { name: "오로라 보기" })).toBeVisible();
  await newItem.getByLabel("제목").fill("마라톤 완주");
  await newItem.getByLabel("분류").selectOption("HEALTH");
  await newItem.getByRole("button", { name: "추가" }).click();
  await expect(page.getByTestId("bucket-progress")).toHaveText("0 / 2 달성");

  const aurora = page.getByRole("listitem").filter({ hasText: "오로라 보기" });
  await aurora.getByRole("button", { name: "달성으로 표시" }).click();
  await aurora.getByLabel("달성 메모").fill("드디어!");
  await aurora.getByRole("button", { name: "달성으로 표시" }).click();
  await expect(aurora).toContainText("“드디어!”");
  await expect(page.getByTestId("bucket-progress")).toHaveText("1 / 2 달성");
  await expect(page.getByRole("progressbar", { name: "진행 상황" })).toHaveAttribute("aria-valuenow", "50");

  await page.getByRole("button", { name: "수정: 마라톤 완주" }).click();
  const editForm = page.getByRole("form", { name: "수정: 마라톤 완주" });
  await editForm.getByLabel("제목").fill("풀코스 마라톤 완주");
  await editForm.getByRole("button", { name: "저장" }).click();
  await expect(page.getByRole("heading", { name: "풀코스 마라톤 완주" })).toBeVisible();

  // No confirm dialog: the deletion is undoable from its toast instead (e2e/feedback.spec.ts).
  await page.getByRole("button", { name: "삭제: 풀코스 마라톤 완주" }).click();
  await expect(page.getByTestId("bucket-progress")).toHaveText("1 / 1 달성");
  await page.reload();
  await expect(page.getByTestId("bucket-progress")).toHaveText("1 / 1 달성");
});

test("todo: what was typed and chosen before the page's scripts ran is what gets added", async ({ page, signedIn: _ }) => {
  const release = await holdScripts(page);
  await page.goto("/dashboard/todo", { waitUntil: "domcontentloaded" });
  await page.getByLabel("새 할 일").fill("세탁소 들르기 2030년 1월 15일");
  await page.getByRole("combobox", { name: "우선순위", exact: true }).selectOption("HIGH");
  release();
  await hydrated(page.getByRole("button", { name: "추가" }));
  await expect(page.getByText("마감일: 2030년 1월 15일 (화)")).toBeVisible();
  await page.getByRole("button", { name: "추가" }).click();
  await expect(page.getByRole("button", { name: "마감일 2030년 1월 15일 (화): 세탁소 들르기" })).toHaveText("2030년 1월 15일 (화)");
  await expect(page.getByLabel("우선순위: 세탁소 들르기")).toHaveValue("HIGH");
});

test("todo: the order chosen before the page's scripts ran is the order shown", async ({ page, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  for (const [title, priority] of [
    ["천천히 해도 되는 일", "LOW"],
    ["급한 일", "HIGH"],
  ]) {
    expect((await page.request.post("/api/todos", { data: { title, priority }, headers: { origin } })).status()).toBe(201);
  }
  const release = await holdScripts(page);
  await page.goto("/dashboard/todo", { waitUntil: "domcontentloaded" });
  await page.getByLabel("정렬").selectOption("priority");
  release();
  await hydrated(page.getByRole("button", { name: "추가" }));
  const items = page.getByRole("list", { name: "할 일" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText("급한 일");
});

test("bucket list: every field typed before the page's scripts ran is kept", async ({ page, signedIn: _ }) => {
  const release = await holdScripts(page);
  await page.goto("/dashboard/bucket", { waitUntil: "domcontentloaded" });
  const newItem = page.getByRole("form", { name: "새 버킷리스트" });
  await newItem.getByLabel("제목").fill("사막에서 별 보기");
  await newItem.getByLabel("설명").fill("은하수가 보이는 밤");
  await newItem.getByLabel("분류").selectOption("HEALTH");
  release();
  await hydrated(newItem.getByRole("button", { name: "추가" }));
  await newItem.getByRole("button", { name: "추가" }).click();
  const added = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "사막에서 별 보기" }) });
  await expect(added).toContainText("은하수가 보이는 밤");
  await expect(added).toContainText("건강");
});

test("the todo and bucket lists arrive drawn: their items are on the page before its scripts run", async ({ page, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  expect((await page.request.post("/api/todos", { data: { title: "서버에서 온 할 일" }, headers: { origin } })).status()).toBe(201);
  expect((await page.request.post("/api/bucket-items", { data: { title: "서버에서 온 꿈", category: "TRAVEL" }, headers: { origin } })).status()).toBe(201);
  const loads: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "GET" && /\/api\/(todos|bucket-items)(\?|$)/.test(request.url())) loads.push(request.url());
  });

  // Each page is let go and hydrated before the next is opened, so no held script is cut off.
  let release = await holdScripts(page);
  await page.goto("/dashboard/todo", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("list", { name: "할 일" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "서버에서 온 할 일 완료" })).toBeVisible();
  release();
  await hydrated(page.getByRole("button", { name: "추가" }));
  await page.waitForLoadState("networkidle");

  release = await holdScripts(page);
  await page.goto("/dashboard/bucket", { waitUntil: "domcontentloaded" });
  await expect(page.getByRole("heading", { name: "서버에서 온 꿈" })).toBeVisible();
  await expect(page.getByTestId("bucket-progress")).toHaveText("0 / 1 달성");
  release();
  await hydrated(page.getByRole("button", { name: "추가" }));

  await page.waitForLoadState("networkidle");
  // Once their scripts ran, the pages kept what they were given rather than asking for it again.
  expect(loads).toEqual([]);
});

test("the calendar is the one place to see the month: todos due and bucket targets show on their day", async ({ page, signedIn: _ }) => {
  const today = todayInBrowserZone();
  await page.getByRole("link", { name: "할 일" }).click();
  await page.getByLabel("새 할 일").fill("세금 신고 오늘");
  await page.getByRole("button", { name: "추가" }).click();
  await expect(page.getByRole("button", { name: "세금 신고 제목 수정" })).toBeVisible();

  await page.getByRole("link", { name: "버킷리스트" }).click();
  const newItem = page.getByRole("form", { name: "새 버킷리스트" });
  await newItem.getByLabel("제목").fill("스카이다이빙");
  await newItem.getByLabel("목표일").fill(today);
  await newItem.getByRole("button", { name: "추가" }).click();
  await expect(page.getByRole("heading", { name: "스카이다이빙" })).toBeVisible();

  await page.getByRole("link", { name: "캘린더" }).click();
  // The cell of that date, not the one marked today: past midnight in Seoul the two differ.
  const label = new Intl.DateTimeFormat("ko-KR", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${today}T00:00:00Z`));
  const dayCell = page
    .getByRole("grid", { name: "캘린더" })
    .getByRole("gridcell")
    .filter({ has: page.getByRole("button", { name: `${label}에 일정 추가` }) });
  await expect(dayCell.getByText("세금 신고")).toBeVisible();
  await expect(dayCell.getByText("스카이다이빙")).toBeVisible();
});

test("settings: the week can start on Monday", async ({ page, signedIn: _ }) => {
  await page.getByRole("link", { name: "설정" }).click();
  await page.getByLabel("한 주의 시작").selectOption("1");
  await page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "설정을 저장했습니다." })).toBeVisible();
  await page.getByRole("navigation", { name: "TropiCal" }).getByRole("link", { name: "캘린더" }).click();
  await expect(page.getByRole("columnheader").first()).toHaveText("월");
});

test("settings: what was chosen before the page's scripts ran is what gets saved", async ({ page, signedIn: _ }) => {
  const release = await holdScripts(page);
  await page.goto("/dashboard/settings", { waitUntil: "domcontentloaded" });
  await page.getByLabel("한 주의 시작").selectOption("1");
  release();
  await hydrated(page.getByRole("button", { name: "저장", exact: true }));
  // The time zone is a search over the zones, picked once the page runs.
  const zone = page.getByRole("combobox", { name: "시간대" });
  await zone.fill("파리");
  await page.getByRole("option", { name: /^파리 \(GMT\+[12]\)/ }).click();
  await page.getByRole("button", { name: "저장", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status").filter({ hasText: "설정을 저장했습니다." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("한 주의 시작")).toHaveValue("1");
  await expect(page.getByRole("combobox", { name: "시간대" })).toHaveValue(/^파리 \(GMT\+[12]\)$/);
  expect(((await (await page.request.get("/api/settings")).json()) as { settings: { timeZone: string } }).settings.timeZone).toBe("Europe/Paris");
});

test("a full list says so, in the page's language, and keeps what was typed", async ({ page, signedIn: _ }) => {
  const origin = new URL(page.url()).origin;
  // 500 of each, the most a list holds (lib/planner), sent in batches.
  for (const [path, body] of [
    ["/api/todos", (n: number) => ({ title: `할 일 ${n}` })],
    ["/api/bucket-items", (n: number) => ({ title: `꿈 ${n}`, category: "OTHER" })],
  ] as const) {
    for (let batch = 0; batch < 25; batch++) {
      const sent = await Promise.all(Array.from({ length: 20 }, (_, index) => page.request.post(path, { data: body(batch * 20 + index), headers: { origin } })));
      expect(sent.map((response) => response.status())).toEqual(Array(20).fill(201));
    }
  }
  await page.goto("/dashboard/todo");
  await page.getByLabel("새 할 일").fill("하나 더");
  await page.getByRole("button", { name: "추가" }).click();
  await expect(page.getByText("목록이 가득 찼습니다. 먼저 항목을 지워 주세요.")).toBeVisible();
  await expect(page.getByLabel("새 할 일")).toHaveValue("하나 더");

  await page.goto("/dashboard/bucket");
  const newItem = page.getByRole("form", { name: "새 버킷리스트" });
  await newItem.getByLabel("제목").fill("하나 더");
  await newItem.getByRole("button", { name: "추가" }).click();
  await expect(page.getByText("목록이 가득 찼습니다. 먼저 항목을 지워 주세요.")).toBeVisible();
  await expect(newItem.getByLabel("제목")).toHaveValue("하나 더");
});

test.describe("a browser far from Korea", () => {
  // UTC+14: its date is never the server's (UTC) and rarely Seoul's.
  test.use({ timezoneId: "Pacific/Kiritimati" });

  test("the first calendar marks today where the browser is, and the page hydrates without a mismatch", async ({ page, signedIn: _ }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    await page.goto("/dashboard");
    await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Kiritimati", day: "numeric" }).format(new Date());
    await expect(page.locator('[role="gridcell"][aria-current="date"] > button').first()).toHaveText(new RegExp(`^${today},`));
    await page.goto("/dashboard/settings");
    await expect(page.getByRole("combobox", { name: "시간대" })).toHaveValue("Kiritimati (GMT+14)");
    expect(errors).toEqual([]);
  });
});
