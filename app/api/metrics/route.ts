import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { route } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics";

// Prometheus scrape endpoint for scrapers that have no session: its own bearer token from
// METRICS_TOKEN stands in for the route's auth; absent (404) without one.
export const GET = route({ auth: "none" }, ({ request }) => {
  const expected = getEnv().METRICS_TOKEN;
  if (!expected) return new Response("Not found", { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const match = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!match) return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  return new Response(renderMetrics(), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } });
});
