import { NextResponse } from "next/server";
import { missingMigrations } from "@/lib/db";
import { route } from "@/lib/http/route";
import { log } from "@/lib/log";

// Readiness for hosting platforms and balancers: the database answers and has every migration this
// build expects.
export const GET = route({ auth: "none" }, async () => {
  const headers = { "Cache-Control": "no-store" };
  try {
    const pending = await missingMigrations();
    if (pending.length) return NextResponse.json({ status: "not ready", reason: "migrations pending", pending }, { status: 503, headers });
    return NextResponse.json({ status: "ready" }, { headers });
  } catch (error) {
    log("error", "readiness check failed", { error: String(error) });
    return NextResponse.json({ status: "not ready", reason: "database unreachable" }, { status: 503, headers });
  }
});
