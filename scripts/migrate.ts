// Applies prisma/migrations offline, recording each in `_prisma_migrations` exactly as Prisma does,
// so `prisma migrate deploy` (where its schema engine can be fetched) sees the same history.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

// Prisma's own definition of its history table.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// Serialises concurrent runners; any constant works. Taken per transaction (pg_advisory_xact_lock),
// never per session: through a transaction pooler a session lock stays on whichever server
// connection the pooler used, held for nobody, and the next runner waits on it forever.
const ADVISORY_LOCK_ID = 72707369;

export async function listMigrations(): Promise<{ name: string; sql: string; checksum: string }[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// Everything pending is applied in one transaction that holds the migration lock, so a second
// runner waits for it and then finds nothing to do, and a failing migration leaves the database as
// it was before the run. COMMIT or ROLLBACK releases the lock, whatever connection a pooler chose.
export async function applyMigrations(databaseUrl: string, log: (line: string) => void = console.log): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_ID]);
    await client.query(HISTORY_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((row) => [row.migration_name, row]));
    for (const migration of await listMigrations()) {
      const previous = done.get(migration.name);
      if (previous?.finished_at) {
        if (previous.checksum !== migration.checksum) log(`warning: migration ${migration.name} was edited after it was applied`);
        continue;
      }
      if (previous) throw new Error(`migration ${migration.name} failed earlier and needs manual repair (see _prisma_migrations.logs)`);
      const id = randomUUID();
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [id, migration.checksum, migration.name]);
      await client.query(migration.sql).catch((error: Error) => {
        throw new Error(`migration ${migration.name} failed: ${error.message}`);
      });
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      applied.push(migration.name);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  for (const name of applied) log(`applied migration ${name}`);
  return applied;
}

// The release step. DIRECT_DATABASE_URL is the database itself where DATABASE_URL goes through a
// pooler: migrations need neither its limits nor its statement rewriting.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DIRECT_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DIRECT_DATABASE_URL or DATABASE_URL: `npm run dev` and the embedded database migrate themselves.");
    process.exit(1);
  }
  applyMigrations(url)
    .then((applied) => console.log(applied.length ? `${applied.length} migration(s) applied` : "database is up to date"))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
