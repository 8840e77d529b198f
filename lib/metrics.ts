import "server-only";
import { monitorEventLoopDelay } from "node:perf_hooks";

// Counters and one latency histogram, kept per process and served in Prometheus text format at
// /api/metrics. Label values come from code, never from user input, so the series stay bounded.

type Labels = Record<string, string>;

const counters = new Map<string, { help: string; values: Map<string, number> }>();
const HISTOGRAM = "tropical_auth_request_duration_seconds";
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const histogram = new Map<string, { buckets: number[]; sum: number; count: number }>();

const HELP: Record<string, string> = {
  tropical_sign_in_attempts_total: "Sign-in attempts by result and method.",
  tropical_refreshes_total: "Refresh token rotations by result.",
  tropical_refresh_reuse_total: "Retired refresh tokens presented again (sessions ended).",
  tropical_rate_limit_hits_total: "Requests refused by a rate limit or lockout.",
  tropical_mail_failures_total: "Mails that could not be sent after every retry.",
};

function key(labels: Labels): string {
  return Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}="${value.replace(/["\\\n]/g, "_")}"`)
    .join(",");
}

export function increment(name: keyof typeof HELP, labels: Labels = {}): void {
  const counter = counters.get(name) ?? { help: HELP[name] ?? name, values: new Map() };
  counters.set(name, counter);
  const series = key(labels);
  counter.values.set(series, (counter.values.get(series) ?? 0) + 1);
}

export function observeAuthRequest(route: string, method: string, status: number, seconds: number): void {
  const series = key({ route, method, status: String(status) });
  const entry = histogram.get(series) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
  BUCKETS.forEach((bound, index) => {
    if (seconds <= bound) entry.buckets[index] = (entry.buckets[index] ?? 0) + 1;
  });
  entry.sum += seconds;
  entry.count += 1;
  histogram.set(series, entry);
}

// How late the event loop runs (argon2 and every query must stay off it); reset at each scrape so
// a gauge shows the interval since the previous one. The histogram records the time between its
// samples, sampling interval included (an idle process reads about the interval; see bench/), so that is taken off.
const SAMPLE_EVERY_MS = 10;
const eventLoop = monitorEventLoopDelay({ resolution: SAMPLE_EVERY_MS });
eventLoop.enable();

export function renderMetrics(): string {
  const lines: string[] = [];
  lines.push(
    "# HELP tropical_event_loop_delay_p99_seconds 99th percentile of event-loop delay since the previous scrape.",
    "# TYPE tropical_event_loop_delay_p99_seconds gauge",
    `tropical_event_loop_delay_p99_seconds ${(Math.max(0, eventLoop.percentile(99) - SAMPLE_EVERY_MS * 1e6) / 1e9).toFixed(6)}`,
  );
  eventLoop.reset();
  for (const [name, help] of Object.entries(HELP)) {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
    for (const [series, value] of counters.get(name)?.values ?? []) lines.push(`${name}${series ? `{${series}}` : ""} ${value}`);
  }
  lines.push(`# HELP ${HISTOGRAM} Latency of the auth API by route, method and status.`, `# TYPE ${HISTOGRAM} histogram`);
  for (const [series, entry] of histogram) {
    BUCKETS.forEach((bound, index) => lines.push(`${HISTOGRAM}_bucket{${series},le="${bound}"} ${entry.buckets[index] ?? 0}`));
    lines.push(`${HISTOGRAM}_bucket{${series},le="+Inf"} ${entry.count}`, `${HISTOGRAM}_sum{${series}} ${entry.sum}`, `${HISTOGRAM}_count{${series}} ${entry.count}`);
  }
  return `${lines.join("\n")}\n`;
}

// Ids in paths become ":id", so one route is one series however many objects there are.
export function routeOf(pathname: string): string {
  return pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}(?=\/|$)/gi, "/:id").replace(/\/[A-Za-z0-9_-]{20,}(?:\.[a-z]+)?(?=\/|$)/g, "/:id");
}
