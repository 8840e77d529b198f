import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import pg from "pg";
import { applyMigrations } from "../../scripts/migrate";
import { closeTestDb, createScratchDatabase } from "../helpers/db";
import { schemaDrift } from "../helpers/schema-drift";

// A brand-new database, so the migrations are proven from nothing rather than trusted from the stack's.
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let url = "";
let db: pg.Client;

before(async () => {
  scratch = await createScratchDatabase("migrations");
  url = scratch.url;
  await applyMigrations(url, () => {});
  db = new pg.Client({ connectionString: url });
  await db.connect();
});

after(async () => {
  await db?.end();
  await scratch?.drop();
  await closeTestDb();
});

test("the migrations build exactly what schema.prisma declares", async () => {
  assert.deepEqual(await schemaDrift(db), []);
});

// An instant without its zone is read in whatever zone the session has: another tool (psql with a
// Seoul TimeZone, a report) would see every timestamp nine hours off.
test("every instant is stored with its time zone, so a session in another zone reads the same instant", async () => {
  const { rows } = await db.query<{ column: string }>(`
    SELECT table_name || '.' || column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type = 'timestamp without time zone' AND table_name <> '_prisma_migrations'`);
  assert.deepEqual(rows, []);
  const seoul = new pg.Client({ connectionString: url, options: "-c TimeZone=Asia/Seoul" });
  await seoul.connect();
  try {
    const at = new Date("2026-12-02T15:30:00.000Z");
    await db.query(`INSERT INTO "RateLimitBucket" (key, "windowStart", count) VALUES ('zone-check', $1, 1)`, [at]);
    const read = await seoul.query<{ windowStart: Date }>(`SELECT "windowStart" FROM "RateLimitBucket" WHERE key = 'zone-check'`);
    assert.equal(read.rows[0]?.windowStart.toISOString(), at.toISOString());
  } finally {
    await seoul.end();
  }
});

test("each migration is recorded in _prisma_migrations the way Prisma records it", async () => {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const { rows } = await db.query(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs, length(id) AS id_length FROM "_prisma_migrations" ORDER BY migration_name`);
  assert.deepEqual(
    rows.map((row) => row.migration_name),
    names,
  );
  for (const row of rows) {
    const sql = await readFile(path.join(dir, row.migration_name, "migration.sql"));
    assert.equal(row.checksum, createHash("sha256").update(sql).digest("hex"));
    assert.ok(row.finished_at instanceof Date);
    assert.equal(row.rolled_back_at, null);
    assert.equal(row.applied_steps_count, 1);
    assert.equal(row.logs, null);
    assert.equal(row.id_length, 36);
  }
});

test("applying again changes nothing", async () => {
  assert.deepEqual(await applyMigrations(url, () => {}), []);
});

test("the drift check itself notices a schema the migrations do not match", async () => {
  const schema = await readFile("prisma/schema.prisma", "utf8");
  const altered = schema.replace("nickname              String", 'nickname              String?\n  locale String @default("ko")');
  assert.notEqual(altered, schema, "the fixture edit must apply");
  const scratch = path.join(process.cwd(), ".test-data", "altered.prisma");
  await writeFile(scratch, altered);
  const problems = await schemaDrift(db, scratch);
  assert.ok(
    problems.some((problem) => problem.startsWith("User.nickname: nullability")),
    problems.join("\n"),
  );
  assert.ok(
    problems.some((problem) => problem.startsWith("User.locale: declared in the schema")),
    problems.join("\n"),
  );
});
