import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { attachDatabasePool } from "@vercel/functions";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { MIGRATIONS } from "@/lib/generated/migrations";
import { getEnv } from "@/lib/env";

// One client per process, created on first use so that `next build` never needs a database.
// In development the module is re-evaluated on every edit, so the client is kept on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_IDLE_SECONDS } = getEnv();
    // Small and quick to let go by default: many instances (or serverless functions) share one
    // server's connection limit, through a pooler where there are more than a few.
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: DATABASE_POOL_SIZE, idleTimeoutMillis: DATABASE_IDLE_SECONDS * 1000, connectionTimeoutMillis: 5_000 });
    // On Vercel, keeps a suspended function from holding idle connections; elsewhere it does nothing.
    attachDatabasePool(pool);
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  }
  return globalForPrisma.prisma;
}

// The migrations this build expects (prisma/migrations, listed by scripts/generate.ts) that the
// database has not applied. Migrations are a release step (`npm run db:migrate`), never run by a
// serving instance, so an instance must not serve a schema older than its code.
export async function missingMigrations(): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`.catch((error: unknown) => {
    // No history table at all: nothing was ever applied.
    if (String(error).includes("_prisma_migrations")) return [];
    throw error;
  });
  const applied = new Set(rows.map((row) => row.migration_name));
  return MIGRATIONS.filter((name) => !applied.has(name));
}
