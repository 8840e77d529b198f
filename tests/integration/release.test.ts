// Migrations are a release step, run once per release over the direct URL (or even through a
// transaction pooler) and never by a serving instance; an instance refuses a database older than
// its code rather than serving it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { after, test } from "node:test";
import { MIGRATIONS } from "@/lib/generated/migrations";
import { applyMigrations } from "../../scripts/migrate";
import { startApp, runUntilExit } from "../helpers/app";
import { closeTestDb, createScratchDatabase, testDb } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { startPgBouncer } from "../helpers/pooler";

const scratches: Awaited<ReturnType<typeof createScratchDatabase>>[] = [];
after(async () => {
  for (const scratch of scratches) await scratch.drop();
  await closeTestDb();
});

async function scratchDatabase(): Promise<string> {
  const scratch = await createScratchDatabase("release");
  scratches.push(scratch);
  return scratch.url;
}

function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} still waiting after ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function advisoryLocksHeld(): Promise<number> {
  const { rows } = await testDb().query<{ count: string }>(`SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'`);
  return Number(rows[0]?.count);
}

test("two release runs at once: one applies everything, the other waits for it and finds nothing to do", async () => {
  const url = await scratchDatabase();
  const runs = await Promise.all([applyMigrations(url, () => {}), applyMigrations(url, () => {})]);
  assert.deepEqual(
    runs.map((applied) => applied.length).sort((a, b) => a - b),
    [0, MIGRATIONS.length],
  );
  assert.equal(await advisoryLocksHeld(), 0);
});

// The finding: a session-level lock taken through the pooler stayed on a pooled server connection
// and the next runs hung on it.
test("through a transaction pooler, run after run, no lock is left behind and none hangs", async () => {
  const url = await scratchDatabase();
  const pooler = await startPgBouncer(testEnv().TEST_DATABASE_URL, path.join(process.cwd(), ".test-data", "pgbouncer-release"), 2);
  try {
    const pooled = new URL(url);
    pooled.port = new URL(pooler.url).port;
    const results: number[] = [];
    for (let run = 0; run < 4; run++)
      results.push(
        (
          await within(
            applyMigrations(pooled.toString(), () => {}),
            20_000,
            `run ${run + 1}`,
          )
        ).length,
      );
    assert.deepEqual(results, [MIGRATIONS.length, 0, 0, 0]);
    assert.equal(await advisoryLocksHeld(), 0);
  } finally {
    await pooler.stop();
  }
});

test("an instance refuses a database missing migrations, naming the release step; after `npm run db:migrate` it serves", async () => {
  const url = await scratchDatabase();
  const env = { DATABASE_URL: url, SMTP_URL: "smtp://127.0.0.1:9", AUTH_SECRET: testEnv().TEST_AUTH_SECRET, AUTH_SIGNING_KEYS: testEnv().TEST_AUTH_SIGNING_KEYS, APP_URL: "https://planner.example" };
  const refused = await runUntilExit(env);
  assert.equal(refused.code, 1);
  assert.match(refused.output, new RegExp(`^TropiCal cannot start: the database lacks ${MIGRATIONS.length} migration\\(s\\), the newest ${MIGRATIONS.at(-1)}: run \`npm run db:migrate\``, "m"));
  // The release step reads DIRECT_DATABASE_URL before DATABASE_URL (which may name a pooler).
  const release = spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
    env: { ...process.env, DIRECT_DATABASE_URL: url, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    encoding: "utf8",
  });
  assert.equal(release.status, 0, release.stderr);
  assert.match(release.stdout, new RegExp(`${MIGRATIONS.length} migration\\(s\\) applied`));
  const served = await startApp("next start", { DATABASE_URL: url });
  assert.equal((await fetch(`${served}/api/ready`)).status, 200);
});
