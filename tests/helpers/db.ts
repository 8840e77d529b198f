import { randomUUID } from "node:crypto";
import pg from "pg";
import { testEnv } from "./env";

let pool: pg.Pool | undefined;

// Read-mostly access for assertions, and for moving time where a test cannot wait for it.
export function testDb(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: testEnv().TEST_DATABASE_URL, max: 2 });
  return pool;
}

export async function closeTestDb(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

// A brand-new, empty database on the stack's server, for what must be proven from nothing.
export async function createScratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "")}`;
  await testDb().query(`CREATE DATABASE "${name}"`);
  const url = new URL(testEnv().TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => void (await testDb().query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
}

// Straight to a given stack's database (an own stack has its own), past the app: what is really stored.
export async function queryDatabase<Row extends object>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query<Row>(sql, params)).rows;
  } finally {
    await db.end();
  }
}
