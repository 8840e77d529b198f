import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { Client } from "../helpers/http";
import { signedInUser } from "../helpers/users";

type Holiday = { date: string; name: string };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

after(closeTestDb);

async function holidays(client: Client, from: string, to: string): Promise<Holiday[]> {
  const response = await client.request(`/api/holidays?from=${from}&to=${to}`);
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { holidays: Holiday[] }).holidays;
}

async function setCountry(client: Client, holidayCountry: unknown): Promise<Response> {
  return client.request("/api/settings", { method: "PATCH", json: { holidayCountry } });
}

describe("public holidays", () => {
  test("a new account sees Korea's, named in the request's language", async () => {
    const { client } = await signedInUser();
    const { settings } = (await (await client.request("/api/settings")).json()) as { settings: { holidayCountry: string | null } };
    assert.equal(settings.holidayCountry, "KR");

    assert.deepEqual(await holidays(client, "2026-02-01", "2026-03-07"), [
      { date: "2026-02-16", name: "설날 전날" },
      { date: "2026-02-17", name: "설날" },
      { date: "2026-02-18", name: "설날 다음 날" },
      { date: "2026-03-01", name: "3ㆍ1절" },
      { date: "2026-03-02", name: "대체공휴일(3ㆍ1절)" },
    ]);
    assert.deepEqual(
      (await holidays(client, "2026-05-31", "2026-06-06")).map(({ date, name }) => `${date} ${name}`),
      ["2026-06-03 전국동시지방선거", "2026-06-06 현충일"],
    );

    client.setCookie("lang", "en");
    assert.deepEqual(await holidays(client, "2026-09-20", "2026-10-05"), [
      { date: "2026-09-24", name: "Day before Chuseok" },
      { date: "2026-09-25", name: "Chuseok (Korean Thanksgiving)" },
      { date: "2026-09-26", name: "Day after Chuseok" },
      { date: "2026-10-03", name: "National Foundation Day" },
      { date: "2026-10-05", name: "Substitute holiday (National Foundation Day)" },
    ]);
  });

  test("a year the gazette package does not cover answers no Korean holidays, not an error", async () => {
    const { client } = await signedInUser();
    assert.deepEqual(await holidays(client, "2099-01-01", "2099-03-31"), []);
  });

  test("another country's public holidays, and none when switched off", async () => {
    const { client, email } = await signedInUser();
    const saved = await setCountry(client, "US");
    assert.equal(saved.status, 200);
    assert.equal(((await saved.json()) as { settings: { holidayCountry: string } }).settings.holidayCountry, "US");
    client.setCookie("lang", "en");
    const july = await holidays(client, "2026-06-28", "2026-07-31");
    assert.ok(
      july.some((holiday) => holiday.date === "2026-07-04" && holiday.name === "Independence Day"),
      JSON.stringify(july),
    );
    // Observances (Father's Day, 21 June) are not public holidays.
    assert.ok(!(await holidays(client, "2026-06-15", "2026-06-25")).some((holiday) => holiday.name.includes("Father")));
    assert.deepEqual(
      (await holidays(client, "2026-11-01", "2026-11-30")).filter((holiday) => holiday.name.startsWith("Thanksgiving")).map(({ date }) => date),
      ["2026-11-26"],
    );
    // The same dates wherever the browser is: holidays are calendar days, not instants.
    client.setCookie("tz", "Pacific/Kiritimati");
    assert.ok((await holidays(client, "2026-07-04", "2026-07-04")).some((holiday) => holiday.name === "Independence Day"));

    // A German account, in Korean: names date-holidays has in Korean or, else, in German.
    assert.equal((await setCountry(client, "DE")).status, 200);
    client.setCookie("lang", "ko");
    assert.deepEqual(await holidays(client, "2026-12-20", "2026-12-31"), [
      { date: "2026-12-25", name: "기독탄신일" },
      { date: "2026-12-26", name: "2. Weihnachtstag" },
    ]);

    assert.equal((await setCountry(client, null)).status, 200);
    assert.deepEqual(await holidays(client, "2026-02-01", "2026-03-07"), []);
    const { rows } = await testDb().query<{ holidayCountry: string | null }>(`SELECT "holidayCountry" FROM "User" WHERE email = $1`, [email]);
    assert.equal(rows[0]?.holidayCountry, null, "off is stored as null");
  });

  test("one account's choice is its own", async () => {
    const alice = await signedInUser();
    const bob = await signedInUser();
    assert.equal((await setCountry(alice.client, null)).status, 200);
    assert.equal((await holidays(bob.client, "2026-12-25", "2026-12-25"))[0]?.name, "기독탄신일");
    assert.deepEqual(await holidays(alice.client, "2026-12-25", "2026-12-25"), []);
  });

  test("the setting takes only the countries offered", async () => {
    const { client } = await signedInUser();
    for (const value of ["XX", "kr", "", "KOR", 82, true, { code: "KR" }, "K".repeat(10_000)]) {
      const response = await setCountry(client, value);
      assert.equal(response.status, 400, JSON.stringify(value).slice(0, 40));
      assert.ok(((await response.json()) as ErrorBody).error.fields?.holidayCountry, JSON.stringify(value).slice(0, 40));
    }
    const { settings } = (await (await client.request("/api/settings")).json()) as { settings: { holidayCountry: string | null } };
    assert.equal(settings.holidayCountry, "KR", "a refused value changes nothing");
  });

  test("the range is two calendar dates at most 100 days apart, both included", async () => {
    const { client } = await signedInUser();
    assert.equal((await holidays(client, "2026-01-01", "2026-04-10")).length > 0, true, "100 days");
    const cases: [string, string][] = [
      ["", "range"],
      ["?from=2026-01-01", "to"],
      ["?from=2026-01-01&to=2026-04-11", "to"],
      ["?from=2026-03-01&to=2026-02-01", "to"],
      ["?from=2026-02-30&to=2026-03-01", "from"],
      ["?from=2026-02-01T00:00:00Z&to=2026-03-01", "from"],
      ["?from=yesterday&to=2026-03-01", "from"],
    ];
    for (const [query, field] of cases) {
      const response = await client.request(`/api/holidays${query}`);
      assert.equal(response.status, 400, query);
      if (field !== "range") assert.ok(((await response.json()) as ErrorBody).error.fields?.[field], `${field} in ${query}`);
    }
  });

  test("needs a signed-in user", async () => {
    assert.equal((await new Client().request("/api/holidays?from=2026-02-01&to=2026-02-28")).status, 401);
  });
});
