import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { DICTIONARIES } from "@/lib/i18n/languages";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

interface Found {
  events: { id: string; title: string; startsAt: string; description: string | null }[];
  todos: { id: string; title: string; completed: boolean }[];
  bucket: { id: string; title: string; description: string | null }[];
}
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

async function search(client: Client, q: string): Promise<Found> {
  const response = await client.request(`/api/search?q=${encodeURIComponent(q)}`);
  assert.equal(response.status, 200, `search for "${q}"`);
  return (await response.json()) as Found;
}

const titles = (found: Found) => ({ events: found.events.map((item) => item.title), todos: found.todos.map((item) => item.title), bucket: found.bucket.map((item) => item.title) });

async function created<T>(response: Response): Promise<T> {
  assert.equal(response.status, 201);
  return (await response.json()) as T;
}

async function userId(email: string): Promise<string> {
  const { rows } = await testDb().query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  assert.ok(rows[0]);
  return rows[0].id;
}

// One user's planner with Korean, English and punctuation in titles and descriptions.
async function plannerUser() {
  const { client, email } = await signedInUser();
  const event = async (title: string, description: string | null, startsAt: string) =>
    created(await client.post("/api/events", { title, description, startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString() }));
  await event("주간 회의", "안건: 예산", "2027-03-02T01:00:00Z");
  await event("Team SYNC", "weekly", "2027-03-03T01:00:00Z");
  await event("치과", "정기 검진 후 회의실 예약", "2027-03-04T01:00:00Z");
  await event("100% 마감", "discount_code 체크", "2027-03-05T01:00:00Z");
  await event("1000 마감", null, "2027-03-06T01:00:00Z");
  await created(await client.post("/api/todos", { title: "회의록 정리" }));
  await created(await client.post("/api/todos", { title: "file_name 바꾸기" }));
  await created(await client.post("/api/todos", { title: "filename 그대로" }));
  await created(await client.post("/api/bucket-items", { title: "오로라 보기", description: "아이슬란드에서 회의 없이 한 달", category: "TRAVEL" }));
  await created(await client.post("/api/bucket-items", { title: "마라톤 완주", category: "HEALTH" }));
  return { client, email };
}

describe("search", () => {
  test("finds part of a Korean word, in titles and descriptions, across the three kinds", async () => {
    const { client } = await plannerUser();
    assert.deepEqual(titles(await search(client, "회의")), { events: ["주간 회의", "치과"], todos: ["회의록 정리"], bucket: ["오로라 보기"] });
    assert.deepEqual(titles(await search(client, "의록")), { events: [], todos: ["회의록 정리"], bucket: [] });
    assert.deepEqual(titles(await search(client, "없는 말")), { events: [], todos: [], bucket: [] });
  });

  test("initial consonants (초성) and a last syllable still being composed find the word", async () => {
    const { client } = await plannerUser();
    const meetings = { events: ["주간 회의", "치과"], todos: ["회의록 정리"], bucket: ["오로라 보기"] };
    assert.deepEqual(titles(await search(client, "ㅎㅇ")), meetings);
    assert.deepEqual(titles(await search(client, "회ㅇ")), meetings);
    assert.deepEqual(titles(await search(client, "ㅈㄱ ㅎㅇ")), { events: ["주간 회의"], todos: [], bucket: [] });
    assert.deepEqual(titles(await search(client, "ㅁㄹㅌ")), { events: [], todos: [], bucket: ["마라톤 완주"] });
    assert.deepEqual(titles(await search(client, "회ㄱ")), { events: [], todos: [], bucket: [] }, "the consonant must begin the next syllable");
  });

  test("a decomposed (NFD) query, as macOS sends it, finds composed text, and composed finds decomposed", async () => {
    const { client } = await plannerUser();
    const decomposed = "회의".normalize("NFD");
    assert.notEqual(decomposed, "회의");
    assert.deepEqual(titles(await search(client, decomposed)).todos, ["회의록 정리"]);
    await created(await client.post("/api/todos", { title: "발표 준비".normalize("NFD") }));
    assert.equal((await search(client, "발표")).todos.length, 1);
    assert.equal((await search(client, "ㅂㅍ")).todos.length, 1);
  });

  test("Latin letters match whatever their case", async () => {
    const { client } = await plannerUser();
    assert.deepEqual(titles(await search(client, "sync")).events, ["Team SYNC"]);
    assert.deepEqual(titles(await search(client, "WEEKLY")).events, ["Team SYNC"]);
  });

  test("%, _, backslash and regex syntax are only themselves", async () => {
    const { client } = await plannerUser();
    assert.deepEqual(titles(await search(client, "0%")).events, ["100% 마감"]);
    assert.deepEqual(titles(await search(client, "%")).events, ["100% 마감"]);
    assert.deepEqual(titles(await search(client, "file_name")).todos, ["file_name 바꾸기"]);
    assert.deepEqual(titles(await search(client, "_")), { events: ["100% 마감"], todos: ["file_name 바꾸기"], bucket: [] });
    for (const query of ["\\", ".*", ".", "(", "[ㄱ-ㅎ]", "a|", "***=", "^", "$", "(?i)sync"]) assert.deepEqual(titles(await search(client, query)), { events: [], todos: [], bucket: [] }, query);
  });

  test("another user's items never appear", async () => {
    const mine = await plannerUser();
    const theirs = await signedInUser();
    await created(await theirs.client.post("/api/todos", { title: "남의 회의" }));
    await created(await theirs.client.post("/api/bucket-items", { title: "남의 꿈", description: "회의" }));
    const found = await search(mine.client, "회의");
    assert.deepEqual(titles(found).todos, ["회의록 정리"]);
    assert.deepEqual(titles(found).bucket, ["오로라 보기"]);
    assert.deepEqual(titles(await search(theirs.client, "ㅎㅇ")), { events: [], todos: ["남의 회의"], bucket: ["남의 꿈"] });
    assert.equal((await new Client().request("/api/search?q=회의")).status, 401);
  });

  test("odd Unicode is searched as written and never fails", async () => {
    const { client } = await plannerUser();
    await created(await client.post("/api/todos", { title: "생일 🎂 파티 e\u0301te\u0301" }));
    assert.equal((await search(client, "🎂")).todos.length, 1);
    assert.equal((await search(client, "été")).todos.length, 1, "combining accents compose on both sides");
    for (const query of ["\u200b", "\u202e", "\ufeffx", "𝕏", "ㅏ", "ᄒ", "\u0301", "\ud7a3", "a".repeat(100)]) await search(client, query);
  });

  test("a missing, blank, too long or NUL query is refused with 400", async () => {
    const { client } = await signedInUser();
    const { ko } = DICTIONARIES;
    for (const [path, key] of [
      ["/api/search", "queryRequired"],
      ["/api/search?q=", "queryRequired"],
      ["/api/search?q=%20%20%E3%80%80", "queryRequired"],
      [`/api/search?q=${"회".repeat(101)}`, "queryTooLong"],
      ["/api/search?q=a%00b", "invalidCharacters"],
    ] as const) {
      const response = await client.request(path, { headers: { "accept-language": "ko" } });
      assert.equal(response.status, 400, path);
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.error.code, "INVALID_INPUT");
      assert.equal(body.error.fields?.q, ko.validation[key], path);
    }
    assert.equal((await client.request(`/api/search?q=${encodeURIComponent(`  ${"회".repeat(100)}  `)}`)).status, 200, "100 characters, once trimmed, are fine");
    assert.equal((await client.request(`/api/search?q=${"회".normalize("NFD").repeat(100)}`)).status, 200, "the length counts composed syllables");
  });

  test("at most 20 of each kind, events nearest to now first, open todos and newest first, quickly among many rows", async () => {
    const { client, email } = await signedInUser();
    const id = await userId(email);
    // 1000 events an hour apart around now; 500 todos and 500 bucket items a minute apart, every
    // third one done. Every one of them matches "ㅎㅇ".
    await testDb().query(
      `INSERT INTO "Event" (id, "userId", title, description, "startsAt", "endsAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, '회의 ' || n, '안건 ' || n, now() + (n - 500) * interval '1 hour', now() + (n - 500) * interval '1 hour' + interval '30 minutes', now()
       FROM generate_series(1, 1000) n`,
      [id],
    );
    await testDb().query(
      `INSERT INTO "Todo" (id, "userId", title, position, "completedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, '회의 준비 ' || n, n, CASE WHEN n % 3 = 0 THEN now() END, now() - n * interval '1 minute', now() FROM generate_series(1, 500) n`,
      [id],
    );
    await testDb().query(
      `INSERT INTO "BucketItem" (id, "userId", title, description, "achievedOn", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, '꿈 ' || n, '해외 워크숍 ' || n, CASE WHEN n % 3 = 0 THEN current_date END, now() - n * interval '1 minute', now() FROM generate_series(1, 500) n`,
      [id],
    );
    const other = await signedInUser();
    const otherId = await userId(other.email);
    await testDb().query(`INSERT INTO "Todo" (id, "userId", title, position, "updatedAt") SELECT gen_random_uuid()::text, $1, '남의 회의 ' || n, n, now() FROM generate_series(1, 500) n`, [otherId]);

    await search(client, "ㅎㅇ");
    const started = performance.now();
    const found = await search(client, "ㅎㅇ");
    const elapsed = performance.now() - started;
    assert.equal(found.events.length, 20);
    assert.equal(found.todos.length, 20);
    assert.equal(found.bucket.length, 20);
    // Nearest first: the event under way (or the one just before or after now), then outwards.
    const distances = found.events.map((event) => Math.abs(Date.parse(event.startsAt) - Date.now()));
    assert.ok(distances[0]! < 3_600_000, "the first event is within an hour of now");
    assert.ok(Math.max(...distances) < 11 * 3_600_000, "the twenty nearest, not the first twenty");
    assert.deepEqual(
      found.todos.map((todo) => todo.title),
      Array.from({ length: 30 }, (_, index) => index + 1)
        .filter((n) => n % 3 !== 0)
        .slice(0, 20)
        .map((n) => `회의 준비 ${n}`),
      "open todos, newest first",
    );
    assert.ok(found.todos.every((todo) => !todo.title.startsWith("남의")));
    assert.equal(found.bucket[0]?.title, "꿈 1");
    // Generous for a shared test machine: a search that scanned every user's rows, or compiled
    // its pattern per row, would not be near it.
    assert.ok(elapsed < 2_000, `answered in ${Math.round(elapsed)} ms`);
  });
});
