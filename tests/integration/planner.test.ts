import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { randomEmail, signedInUser, signupBody } from "../helpers/users";

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

after(closeTestDb);

const MAY = { from: "2027-05-01T00:00:00.000Z", to: "2027-06-01T00:00:00.000Z" };

describe("events", () => {
  test("create, list by overlapping range, edit partially, delete", async () => {
    const { client } = await signedInUser();
    const created = await client.post("/api/events", {
      title: "  제주 여행  ",
      startsAt: "2027-05-30T09:00:00+09:00",
      endsAt: "2027-06-02T18:00:00+09:00",
      location: "제주",
      color: "ROSE",
      id: "00000000-0000-0000-0000-000000000000",
      userId: "someone-else",
    });
    assert.equal(created.status, 201);
    const { event } = await json<{ event: Record<string, unknown> }>(created);
    assert.equal(event.title, "제주 여행");
    assert.notEqual(event.id, "00000000-0000-0000-0000-000000000000", "a client-chosen id is ignored");
    assert.equal(event.startsAt, "2027-05-30T00:00:00.000Z", "stored in UTC");
    assert.equal(event.description, null);

    const allDay = await client.post("/api/events", { title: "Holiday", startsAt: "2027-05-05T00:00:00Z", endsAt: "2027-05-06T00:00:00Z", allDay: true });
    assert.equal(allDay.status, 201);

    const may = await json<{ events: { id: string; title: string }[] }>(await client.request(`/api/events?from=${MAY.from}&to=${MAY.to}`));
    assert.deepEqual(
      may.events.map((item) => item.title),
      ["Holiday", "제주 여행"],
    );
    const june = await json<{ events: { id: string }[] }>(await client.request("/api/events?from=2027-06-01T00:00:00Z&to=2027-07-01T00:00:00Z"));
    assert.deepEqual(
      june.events.map((item) => item.id),
      [event.id],
      "a span reaching into June shows in June too",
    );

    const patched = await client.request(`/api/events/${event.id}`, { method: "PATCH", json: { description: "한라산 등반", color: "BLUE" } });
    assert.equal(patched.status, 200);
    const after = (await json<{ event: Record<string, unknown> }>(patched)).event;
    assert.equal(after.description, "한라산 등반");
    assert.equal(after.location, "제주", "fields left out of a PATCH are kept");
    assert.equal(after.color, "BLUE");

    const badMove = await client.request(`/api/events/${event.id}`, { method: "PATCH", json: { endsAt: "2027-05-01T00:00:00Z" } });
    assert.equal(badMove.status, 400);
    assert.ok((await json<ErrorBody>(badMove)).error.fields?.endsAt);

    assert.equal((await client.request(`/api/events/${event.id}`, { method: "DELETE" })).status, 204);
    assert.equal((await client.request(`/api/events/${event.id}`, { method: "DELETE" })).status, 404);
  });

  test("invalid events are 400 with a message per field", async () => {
    const { client } = await signedInUser();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "", startsAt: MAY.from, endsAt: MAY.to }, "title"],
      [{ title: "x".repeat(201), startsAt: MAY.from, endsAt: MAY.to }, "title"],
      [{ title: "x", startsAt: "yesterday", endsAt: MAY.to }, "startsAt"],
      [{ title: "x", startsAt: MAY.to, endsAt: MAY.from }, "endsAt"],
      [{ title: "x", startsAt: MAY.from, endsAt: MAY.to, color: "#ff0000" }, "color"],
      [{ title: "x", startsAt: "2027-05-01T09:00:00Z", endsAt: "2027-05-02T00:00:00Z", allDay: true }, "startsAt"],
      [{ title: { $ne: "" }, startsAt: MAY.from, endsAt: MAY.to }, "title"],
      [{ title: "x", startsAt: "not a date", endsAt: MAY.to, allDay: true }, "startsAt"],
    ];
    for (const [body, field] of cases) {
      const response = await client.post("/api/events", body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.ok((await json<ErrorBody>(response)).error.fields?.[field], `${field} in ${JSON.stringify(body)}`);
    }
  });

  test("listing needs a range, in order, of at most 100 days", async () => {
    const { client } = await signedInUser();
    for (const query of ["", `?from=${MAY.from}`, `?from=${MAY.to}&to=${MAY.from}`, "?from=2027-01-01T00:00:00Z&to=2027-12-31T00:00:00Z", "?from=x&to=y"]) {
      const response = await client.request(`/api/events${query}`);
      assert.equal(response.status, 400, query);
      assert.equal((await json<ErrorBody>(response)).error.code, "INVALID_INPUT");
    }
  });
});

describe("todos", () => {
  test("add, complete, filter, sort, reorder and delete", async () => {
    const { client } = await signedInUser();
    const add = async (body: Record<string, unknown>) => (await json<{ todo: { id: string; position: number } }>(await client.post("/api/todos", body))).todo;
    const milk = await add({ title: "우유 사기", priority: "LOW" });
    const report = await add({ title: "Write report", dueOn: "2020-01-01", priority: "HIGH" });
    const call = await add({ title: "Call mom", dueOn: "2099-01-01" });
    assert.ok(milk.position < report.position && report.position < call.position, "new todos go to the end");

    const done = await client.request(`/api/todos/${milk.id}`, { method: "PATCH", json: { completed: true } });
    assert.equal((await json<{ todo: { completed: boolean; completedAt: string } }>(done)).todo.completed, true);

    const titles = async (query: string) => (await json<{ todos: { title: string }[] }>(await client.request(`/api/todos${query}`))).todos.map((todo) => todo.title);
    assert.deepEqual(await titles(""), ["우유 사기", "Write report", "Call mom"]);
    assert.deepEqual(await titles("?filter=active"), ["Write report", "Call mom"]);
    assert.deepEqual(await titles("?filter=done"), ["우유 사기"]);
    assert.deepEqual(await titles("?filter=overdue"), ["Write report"]);
    assert.deepEqual(await titles("?sort=priority"), ["Write report", "Call mom", "우유 사기"]);
    assert.deepEqual(await titles("?sort=due"), ["Write report", "Call mom", "우유 사기"]);

    // Drag "Call mom" between the first two: it takes a position between theirs.
    const moved = await client.request(`/api/todos/${call.id}`, { method: "PATCH", json: { position: (milk.position + report.position) / 2 } });
    assert.equal(moved.status, 200);
    assert.deepEqual(await titles(""), ["우유 사기", "Call mom", "Write report"]);

    const renamed = await client.request(`/api/todos/${report.id}`, { method: "PATCH", json: { title: "Write the report", dueOn: null } });
    assert.deepEqual((await json<{ todo: { title: string; dueOn: null } }>(renamed)).todo.dueOn, null);

    assert.equal((await client.request(`/api/todos/${report.id}`, { method: "DELETE" })).status, 204);
    assert.deepEqual(await titles(""), ["우유 사기", "Call mom"]);
  });

  test("invalid todos and queries are 400", async () => {
    const { client } = await signedInUser();
    for (const body of [{ title: "" }, { title: "x", dueOn: "2027-02-30" }, { title: "x", priority: "URGENT" }, {}]) {
      assert.equal((await client.post("/api/todos", body)).status, 400, JSON.stringify(body));
    }
    assert.equal((await client.request("/api/todos?filter=everything")).status, 400);
    const { todo } = await json<{ todo: { id: string } }>(await client.post("/api/todos", { title: "x" }));
    for (const body of [{ position: "first" }, { completed: "yes" }, { title: null }]) {
      assert.equal((await client.request(`/api/todos/${todo.id}`, { method: "PATCH", json: body })).status, 400, JSON.stringify(body));
    }
  });
});

describe("bucket list", () => {
  test("add, achieve with a note, summarise, un-achieve, delete", async () => {
    const { client } = await signedInUser();
    const add = async (body: Record<string, unknown>) => (await json<{ item: { id: string } }>(await client.post("/api/bucket-items", body))).item;
    const aurora = await add({ title: "오로라 보기", category: "TRAVEL", targetOn: "2028-02-01", description: "아이슬란드" });
    await add({ title: "Run a marathon", category: "HEALTH" });

    const achieved = await client.request(`/api/bucket-items/${aurora.id}`, { method: "PATCH", json: { achieved: true, achievedNote: "Finally!" } });
    const item = (await json<{ item: { achieved: boolean; achievedOn: string; achievedNote: string } }>(achieved)).item;
    assert.equal(item.achieved, true);
    assert.match(item.achievedOn, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(item.achievedNote, "Finally!");

    const list = await json<{ items: unknown[]; summary: { total: number; achieved: number; byCategory: Record<string, { total: number; achieved: number }> } }>(
      await client.request("/api/bucket-items"),
    );
    assert.equal(list.items.length, 2);
    assert.deepEqual(list.summary, { total: 2, achieved: 1, byCategory: { TRAVEL: { total: 1, achieved: 1 }, HEALTH: { total: 1, achieved: 0 } } });

    const undone = await client.request(`/api/bucket-items/${aurora.id}`, { method: "PATCH", json: { achieved: false } });
    assert.deepEqual((({ achieved, achievedOn, achievedNote }) => ({ achieved, achievedOn, achievedNote }))((await json<{ item: Record<string, unknown> }>(undone)).item), {
      achieved: false,
      achievedOn: null,
      achievedNote: null,
    });
    assert.equal((await client.request(`/api/bucket-items/${aurora.id}`, { method: "DELETE" })).status, 204);
  });

  test("invalid items are 400", async () => {
    const { client } = await signedInUser();
    for (const body of [{ title: "" }, { title: "x", category: "SPACE" }, { title: "x", targetOn: "soon" }, { title: "x", description: "y".repeat(2001) }]) {
      assert.equal((await client.post("/api/bucket-items", body)).status, 400, JSON.stringify(body));
    }
  });
});

describe("one user never sees or changes another's objects", () => {
  test("another user's ids are 404 exactly like missing ones, and their lists stay their own", async () => {
    const alice = (await signedInUser()).client;
    const mallory = (await signedInUser()).client;
    const event = (await json<{ event: { id: string } }>(await alice.post("/api/events", { title: "Alice", startsAt: MAY.from, endsAt: MAY.to }))).event;
    const todo = (await json<{ todo: { id: string } }>(await alice.post("/api/todos", { title: "Alice" }))).todo;
    const item = (await json<{ item: { id: string } }>(await alice.post("/api/bucket-items", { title: "Alice" }))).item;
    const missing = "11111111-2222-4333-8444-555555555555";

    for (const [path, id] of [
      ["/api/events", event.id],
      ["/api/todos", todo.id],
      ["/api/bucket-items", item.id],
    ] as const) {
      for (const method of ["PATCH", "DELETE"]) {
        const theirs = await mallory.request(`${path}/${id}`, { method, json: { title: "pwned" } });
        const none = await mallory.request(`${path}/${missing}`, { method, json: { title: "pwned" } });
        const garbage = await mallory.request(`${path}/not-a-uuid`, { method, json: { title: "pwned" } });
        assert.equal(theirs.status, 404, `${method} ${path}`);
        assert.deepEqual(await theirs.json(), await none.json());
        assert.equal(garbage.status, 404);
      }
    }
    assert.deepEqual((await json<{ events: unknown[] }>(await mallory.request(`/api/events?from=${MAY.from}&to=${MAY.to}`))).events, []);
    assert.deepEqual((await json<{ todos: unknown[] }>(await mallory.request("/api/todos"))).todos, []);
    assert.deepEqual((await json<{ items: unknown[] }>(await mallory.request("/api/bucket-items"))).items, []);

    // Alice's objects are untouched.
    const events = (await json<{ events: { title: string }[] }>(await alice.request(`/api/events?from=${MAY.from}&to=${MAY.to}`))).events;
    assert.deepEqual(
      events.map((entry) => entry.title),
      ["Alice"],
    );
    assert.deepEqual(
      (await json<{ todos: { title: string }[] }>(await alice.request("/api/todos"))).todos.map((entry) => entry.title),
      ["Alice"],
    );
  });

  test("the planner API needs a signed-in user, and refuses cross-site writes", async () => {
    for (const path of ["/api/todos", "/api/bucket-items", `/api/events?from=${MAY.from}&to=${MAY.to}`, "/api/settings", "/api/holidays?from=2027-05-01&to=2027-05-31"]) {
      assert.equal((await new Client().request(path)).status, 401, path);
    }
    const { client } = await signedInUser();
    const crossSite = await client.request("/api/todos", { method: "POST", json: { title: "csrf" }, headers: { origin: "https://evil.example" } });
    assert.equal(crossSite.status, 403);
    assert.deepEqual((await json<{ todos: unknown[] }>(await client.request("/api/todos"))).todos, []);
  });
});

describe("settings", () => {
  test("week start and time zone are saved and validated", async () => {
    const { client } = await signedInUser();
    assert.deepEqual(await json(await client.request("/api/settings")), { settings: { weekStartsOn: 0, timeZone: null, holidayCountry: "KR" } });
    const saved = await client.request("/api/settings", { method: "PATCH", json: { weekStartsOn: 1, timeZone: "Asia/Seoul" } });
    assert.deepEqual(await json(saved), { settings: { weekStartsOn: 1, timeZone: "Asia/Seoul", holidayCountry: "KR" } });
    for (const body of [{ weekStartsOn: 3 }, { timeZone: "Mars/Olympus" }, { timeZone: 9 }]) {
      assert.equal((await client.request("/api/settings", { method: "PATCH", json: body })).status, 400, JSON.stringify(body));
    }
  });
});

describe("adds that race", () => {
  async function userWith(table: "Todo" | "BucketItem", rows: number): Promise<Client> {
    const { client, email } = await signedInUser();
    const { rows: users } = await testDb().query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const extra = table === "Todo" ? `, position` : "";
    await testDb().query(
      `INSERT INTO "${table}" (id, "userId", title, "updatedAt"${extra}) SELECT gen_random_uuid()::text, $1, 'seed ' || n, now()${extra ? ", n" : ""} FROM generate_series(1, $2::int) n`,
      [users[0]!.id, rows],
    );
    return client;
  }

  test("todos added at the same moment each get a place of their own, and the 500-item cap holds", async () => {
    const client = await userWith("Todo", 490);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => client.post("/api/todos", { title: `race ${index}` })));
    const statuses = answers.map((answer) => answer.status).sort();
    assert.deepEqual(statuses, [...Array(10).fill(201), ...Array(10).fill(409)]);
    const todos = await json<{ todos: { position: number }[] }>(await client.request("/api/todos?sort=manual"));
    assert.equal(todos.todos.length, 500);
    assert.equal(new Set(todos.todos.map((todo) => todo.position)).size, 500, "no two todos share a place");
  });

  test("bucket items added at the same moment never overshoot the 500-item cap", async () => {
    const client = await userWith("BucketItem", 495);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, index) => client.post("/api/bucket-items", { title: `race ${index}` })));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [...Array(5).fill(201), ...Array(7).fill(409)]);
    const { items } = await json<{ items: unknown[] }>(await client.request("/api/bucket-items"));
    assert.equal(items.length, 500);
  });
});

describe("the zone pages draw in before one is saved", () => {
  // 25 hours apart: whatever the time, these two zones are on different dates.
  const EAST = "Pacific/Kiritimati";
  const WEST = "Pacific/Pago_Pago";
  const todayIn = (timeZone: string) => Number(new Intl.DateTimeFormat("en-CA", { timeZone, day: "2-digit" }).format(new Date()));
  async function highlightedDay(client: Client): Promise<number> {
    const page = await client.request("/dashboard");
    assert.equal(page.status, 200);
    const match = /aria-current="date"[^>]*>\s*<button[^>]*>(\d+)</.exec(await page.text());
    assert.ok(match, "the server drew a today");
    return Number(match[1]);
  }

  test("the first /dashboard marks today where the browser is (its tz cookie), Korea's without one, and a saved zone wins", async () => {
    const { client, email } = await signedInUser();
    const { rows } = await testDb().query<{ timeZone: string | null }>(`SELECT "timeZone" FROM "User" WHERE email = $1`, [email]);
    assert.equal(rows[0]?.timeZone, null, "signed up without a tz cookie, so nothing saved yet");
    assert.equal(await highlightedDay(client), todayIn("Asia/Seoul"));
    client.setCookie("tz", EAST);
    assert.equal(await highlightedDay(client), todayIn(EAST));
    client.setCookie("tz", WEST);
    assert.equal(await highlightedDay(client), todayIn(WEST));
    client.setCookie("tz", "Mars/Olympus_Mons");
    assert.equal(await highlightedDay(client), todayIn("Asia/Seoul"), "a zone that does not exist is ignored");
    await testDb().query(`UPDATE "User" SET "timeZone" = $2 WHERE email = $1`, [email, EAST]);
    client.setCookie("tz", WEST);
    assert.equal(await highlightedDay(client), todayIn(EAST));
  });

  test("a sign-up starts the account in the browser's zone; a made-up one is not kept", async () => {
    for (const [cookie, saved] of [
      [encodeURIComponent("America/Sao_Paulo"), "America/Sao_Paulo"],
      ["Mars%2FOlympus_Mons", null],
      ["%E0%A4%A", null],
    ] as const) {
      const client = new Client();
      client.setCookie("tz", cookie);
      const email = randomEmail("zone");
      assert.equal((await client.post("/api/auth/signup", signupBody(email))).status, 201);
      const { rows } = await testDb().query<{ timeZone: string | null }>(`SELECT "timeZone" FROM "User" WHERE email = $1`, [email]);
      assert.equal(rows[0]?.timeZone, saved, cookie);
    }
  });
});
