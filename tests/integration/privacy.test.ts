import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { closeTestDb, testDb } from "../helpers/db";
import { signedInUser } from "../helpers/users";

after(closeTestDb);

interface Status {
  terms: { granted: boolean; version: string } | null;
  privacy: { granted: boolean; version: string } | null;
  marketing: { granted: boolean } | null;
  outdated: boolean;
}

describe("privacy (PIPA)", () => {
  test("marketing consent is withdrawn and given again from settings, each answer a row of the ledger with its version and time", async () => {
    const { client, email } = await signedInUser();
    const first = (await (await client.request("/api/auth/consents")).json()) as Status;
    assert.deepEqual([first.terms?.granted, first.privacy?.granted, first.marketing?.granted, first.outdated], [true, true, false, false]);
    assert.equal(((await (await client.post("/api/auth/consents", { marketing: true })).json()) as Status).marketing?.granted, true);
    assert.equal(((await (await client.post("/api/auth/consents", { marketing: false })).json()) as Status).marketing?.granted, false);
    assert.equal((await client.post("/api/auth/consents", { terms: false })).status, 400, "the required ones can only be given");
    assert.equal((await client.post("/api/auth/consents", {})).status, 400);
    const { rows } = await testDb().query(
      `SELECT c.kind, c.granted, c.version FROM "Consent" c JOIN "User" u ON u.id = c."userId" WHERE u.email = $1 AND c.kind = 'MARKETING' ORDER BY c."createdAt"`,
      [email],
    );
    assert.deepEqual(
      rows.map((row) => row.granted),
      [false, true, false],
    );
    assert.ok(rows.every((row) => /^\d{4}-\d{2}-\d{2}$/.test(row.version)));
  });

  test("a new terms version asks again before the planner opens", async () => {
    const { client, email } = await signedInUser();
    await testDb().query(`UPDATE "Consent" SET version = '2020-01-01' FROM "User" u WHERE u.id = "Consent"."userId" AND u.email = $1 AND kind = 'TERMS'`, [email]);
    const page = await client.request("/dashboard/todo");
    assert.equal(page.status, 307);
    assert.equal(page.headers.get("location"), "/consent?next=%2Fdashboard%2Ftodo");
    assert.equal((await client.request("/consent?next=%2Fdashboard%2Ftodo")).status, 200);
    assert.equal(((await (await client.request("/api/auth/consents")).json()) as Status).outdated, true);
    assert.equal((await client.post("/api/auth/consents", { terms: true, privacy: true })).status, 200);
    assert.equal((await client.request("/dashboard/todo")).status, 200);
  });

  test("'download my data' is a JSON file of everything kept about the user, and nothing secret or anyone else's", async () => {
    const { client, email } = await signedInUser();
    const other = await signedInUser();
    await other.client.post("/api/todos", { title: "someone else's secret plan" });
    await client.post("/api/todos", { title: "buy a tent" });
    await client.post("/api/events", { title: "camping", startsAt: "2027-05-01T00:00:00Z", endsAt: "2027-05-02T00:00:00Z", allDay: true });
    await client.post("/api/bucket-items", { title: "see the aurora" });
    const response = await client.request("/api/auth/export");
    assert.equal(response.status, 200);
    assert.match(response.headers.get("content-disposition") ?? "", /^attachment; filename="tropical-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const text = await response.text();
    const data = JSON.parse(text) as Record<string, unknown> & {
      profile: { email: string };
      todos: { title: string }[];
      events: unknown[];
      bucketItems: unknown[];
      consents: unknown[];
      sessions: unknown[];
      signInHistory: { type: string }[];
    };
    assert.equal(data.profile.email, email);
    assert.deepEqual(
      data.todos.map((todo) => todo.title),
      ["buy a tent"],
    );
    assert.equal(data.events.length, 1);
    assert.equal(data.bucketItems.length, 1);
    assert.equal(data.consents.length, 3);
    assert.ok(data.sessions.length >= 1);
    assert.ok(data.signInHistory.some((event) => event.type === "LOGIN_SUCCESS"));
    assert.ok(!text.includes("someone else's secret plan"));
    for (const secret of ["passwordHash", "argon2", "totpSecret", "publicKey", "jtiHash", "codeHash", "deviceHash"]) assert.ok(!text.includes(secret), secret);
    const { rows } = await testDb().query(`SELECT count(*)::int AS n FROM "SecurityEvent" e JOIN "User" u ON u.id = e."userId" WHERE u.email = $1 AND e.type = 'DATA_EXPORTED'`, [email]);
    assert.equal(rows[0].n, 1);
  });
});
