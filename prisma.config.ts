import { defineConfig } from "prisma/config";

// DATABASE_URL is only needed by `prisma migrate deploy` where the schema engine can be fetched;
// `prisma generate` and the offline runner (scripts/migrate.ts) do not read it from here.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
