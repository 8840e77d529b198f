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
