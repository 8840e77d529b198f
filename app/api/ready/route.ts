import { readdir } from "node:fs/promises";
import path from "node:path";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";

// Readiness for hosting platforms: the database answers and every migration shipped with the app is
// applied (where the migrations folder ships with it).
export const GET = route({ auth: "none" }, async () => {
  const headers = { "Cache-Control": "no-store" };
  try {
    const applied = await getDb().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const shipped = await readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).then(
      (entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
      () => [],
    );
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = shipped.filter((name) => !done.has(name));
    if (pending.length) return NextResponse.json({ status: "not ready", reason: "migrations pending", pending }, { status: 503, headers });
    return NextResponse.json({ status: "ready" }, { headers });
  } catch (error) {
    log("error", "readiness check failed", { error: String(error) });
    return NextResponse.json({ status: "not ready", reason: "database unreachable" }, { status: 503, headers });
  }
});
