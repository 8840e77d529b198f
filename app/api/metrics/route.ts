import { timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { renderMetrics } from "@/lib/metrics";

// Prometheus scrape endpoint, behind a bearer token from METRICS_TOKEN; absent (404) without one.
export function GET(request: NextRequest) {
  const expected = getEnv().METRICS_TOKEN;
  if (!expected) return new Response("Not found", { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const match = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!match) return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  return new Response(renderMetrics(), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } });
}
