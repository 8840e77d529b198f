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
