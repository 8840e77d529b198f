import { route } from "@/lib/http/route";
import { renderMetrics } from "@/lib/metrics";

// Prometheus scrape endpoint for scrapers that have no session: METRICS_TOKEN is its bearer secret,
// and without one configured the endpoint does not exist (lib/auth/bearer.ts).
export const GET = route({ auth: "metrics" }, () => {
  return new Response(renderMetrics(), { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" } });
});
