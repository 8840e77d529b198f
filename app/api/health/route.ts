import { NextResponse } from "next/server";

// Liveness only: answers while the process serves requests, without touching the database.
export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
