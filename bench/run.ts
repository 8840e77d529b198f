// `npm run bench`: measurements taken side by side in one run on this machine, reported as ratios
// against a baseline measured in the same run, with the target beside each. Writes bench/RESULTS.md.
// Needs a production build (`npm run build`). Loopback only; every loop is bounded.
import { createHmac } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hash, verify as argonVerify } from "@node-rs/argon2";
import autocannon from "autocannon";
import { jwtVerify } from "jose";
import { z } from "zod";
import { signToken, verifyToken } from "../lib/auth/tokens";
import { startOwnStack } from "../tests/helpers/own-stack";
import { randomAddress } from "../tests/helpers/http";
import { PASSWORD } from "../tests/helpers/users";

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const rows: string[] = [];
const report = (name: string, measured: string, target: string, met: boolean | null) =>
  rows.push(`| ${name} | ${measured} | ${target} | ${met === null ? "—" : met ? "met" : "**not met**"} |`);

function perSecond(iterations: number, run: () => void | Promise<void>): Promise<number> {
  return (async () => {
    const started = performance.now();
    for (let index = 0; index < iterations; index++) await run();
    return iterations / ((performance.now() - started) / 1000);
  })();
}

async function tokenVerify(): Promise<void> {
  process.env.AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";
  const { token } = await signToken("ACCESS", { sub: "u1", email: "a@example.test", sid: "s1", role: "USER" });
  const [header, payload, signature] = token.split(".");
  const input = `${header}.${payload}`;
  const key = process.env.AUTH_SECRET;
  const ours: number[] = [];
  const floor: number[] = [];
  const perCall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await perSecond(2_000, () => verifyToken(token, "ACCESS").then(() => undefined));
    ours.push(await perSecond(20_000, () => verifyToken(token, "ACCESS").then(() => undefined)));
    floor.push(await perSecond(20_000, () => void (createHmac("sha256", key).update(input).digest("base64url") === signature)));
    perCall.push(await perSecond(20_000, () => jwtVerify(token, new TextEncoder().encode(key), { algorithms: ["HS256"] }).then(() => undefined)));
  }
  const slower = median(floor) / median(ours);
  report("Token verify vs one HMAC-SHA256 (the floor), one call at a time", `${slower.toFixed(1)}× the floor's time (${Math.round(median(ours))}/s vs ${Math.round(median(floor))}/s)`, "≤ 40×", slower <= 40);
  const gain = median(ours) / median(perCall);
  report("Token verify with the key imported once vs per call", `${gain.toFixed(2)}× faster (${Math.round(median(perCall))}/s per-call import)`, "≥ 1.5×", gain >= 1.5);
}

async function hashAlone(): Promise<number> {
  const stored = await hash(PASSWORD, { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  const times: number[] = [];
  for (let index = 0; index < 15; index++) {
    const started = performance.now();
    await argonVerify(stored, PASSWORD);
    times.push(performance.now() - started);
  }
  return median(times);
}

// A fixed request count (`amount`) replaces the default four-second duration.
async function cannon(url: string, options: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  return autocannon(options.amount ? { url, connections: 16, ...options } : { url, connections: 16, duration: 4, ...options });
}

async function http(): Promise<void> {
  const stack = await startOwnStack("bench");
  try {
    const { client, email } = await stack.signedIn();
    const health = `${stack.baseUrl}/api/health`;
    const cookie = () => client.cookieHeader("/api/todos");
    await cannon(health, { duration: 2 });

    // Authenticated reads (token check, session check, query) against a trivial handler.
    const reads: number[] = [];
    const trivial: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      trivial.push((await cannon(health)).requests.average);
      reads.push((await cannon(`${stack.baseUrl}/api/todos`, { headers: { cookie: cookie() } })).requests.average);
    }
    report("Authenticated reads `GET /api/todos` (with the session check)", `${Math.round(median(reads))} req/s = ${(median(reads) / median(trivial)).toFixed(2)}× a trivial handler (${Math.round(median(trivial))} req/s)`, "(context)", null);

    // Refresh rotation with distinct tokens: each request spends one token, none is reused.
    const tokens: string[] = [];
    for (let index = 0; index < 300; index++) {
      const response = await fetch(`${stack.baseUrl}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: stack.baseUrl, "x-forwarded-for": randomAddress() },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const refresh = response.headers.getSetCookie().find((value) => value.startsWith("REFRESH_TOKEN="));
      if (refresh) tokens.push(refresh.split(";")[0] ?? "");
    }
    let next = 0;
    const rotated = await cannon(`${stack.baseUrl}/api/auth/token/refresh`, {
      amount: tokens.length,
      connections: 8,
      requests: [{ method: "POST", setupRequest: (request) => ({ ...request, headers: { ...request.headers, origin: stack.baseUrl, "x-forwarded-for": randomAddress(), cookie: tokens[next++ % tokens.length] ?? "" } }) }],
    });
    const errors = rotated.non2xx;
    report("Refresh rotation, distinct pre-seeded tokens", `${Math.round(rotated.requests.average)} req/s = ${(rotated.requests.average / median(trivial)).toFixed(2)}× a trivial handler; ${errors} non-2xx of ${rotated.requests.total}`, "zero 5xx", errors === 0);

    // Login latency, one connection: success, wrong password, unknown address; against one hash.
    const base = await hashAlone();
    const timeLogin = async (body: unknown) => {
      const started = performance.now();
      await fetch(`${stack.baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", origin: stack.baseUrl, "x-forwarded-for": randomAddress() }, body: JSON.stringify(body) });
      return performance.now() - started;
    };
    const success: number[] = [];
    const wrong: number[] = [];
    const unknown: number[] = [];
    const victims = await Promise.all(Array.from({ length: 6 }, () => stack.signedIn()));
    for (let index = 0; index < 18; index++) {
      success.push(await timeLogin({ email, password: PASSWORD }));
      wrong.push(await timeLogin({ email: victims[index % victims.length]?.email, password: `wrong ${index}` }));
      unknown.push(await timeLogin({ email: `nobody-${index}-${Date.now()}@example.test`, password: "whatever it is" }));
    }
    const p50 = median(success);
    report("Login p50, one connection, against one argon2id hash alone", `${(p50 / base).toFixed(2)}× (${p50.toFixed(0)} ms vs ${base.toFixed(0)} ms)`, "≤ 1.5×", p50 / base <= 1.5);
    const wrongRatio = median(wrong) / p50;
    const unknownRatio = median(unknown) / p50;
    report("Wrong-password p50 against a successful login", `${wrongRatio.toFixed(2)}×`, "within ±10%", Math.abs(wrongRatio - 1) <= 0.1);
    report("Unknown-e-mail p50 against a successful login", `${unknownRatio.toFixed(2)}×`, "within ±10%", Math.abs(unknownRatio - 1) <= 0.1);

    // Concurrent logins: latency at 1, 4 and 16 connections, and how late the server's event loop ran.
    const metrics = async () =>
      (await (await fetch(`${stack.baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${stack.metricsToken}` } })).text()).match(
        /^tropical_event_loop_delay_p99_seconds ([\d.]+)$/m,
      )?.[1];
    const latencies: string[] = [];
    let delayAt16 = 0;
    for (const connections of [1, 4, 16]) {
      await metrics();
      const result = await cannon(`${stack.baseUrl}/api/auth/login`, {
        connections,
        amount: connections * 8,
        requests: [{ method: "POST", setupRequest: (request) => ({ ...request, headers: { "content-type": "application/json", origin: stack.baseUrl, "x-forwarded-for": randomAddress() }, body: JSON.stringify({ email, password: PASSWORD }) }) }],
      });
      latencies.push(`${connections}: ${result.latency.p50} ms`);
      if (connections === 16) delayAt16 = Number(await metrics()) * 1000;
    }
    report("Login p50 latency at 1, 4 and 16 connections", latencies.join(", "), "(context)", null);
    report("Server event-loop delay p99 during 16 concurrent logins", `${delayAt16.toFixed(1)} ms`, "< 20 ms", delayAt16 < 20);
  } finally {
    await stack.stop();
  }
}

const bundleSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

async function javascriptPerRoute(): Promise<void> {
  const stats = bundleSchema.parse(JSON.parse(await readFile(".next/diagnostics/route-bundle-stats.json", "utf8")));
  const gzipped = async (route: string) => {
    const entry = stats.find((row) => row.route === route);
    if (!entry) return 0;
    const sizes = await Promise.all(entry.firstLoadChunkPaths.map(async (chunk) => gzipSync(await readFile(chunk)).length));
    return sizes.reduce((sum, size) => sum + size, 0);
  };
  const welcome = await gzipped("/");
  const login = await gzipped("/login");
  const dashboard = await gzipped("/dashboard");
  report("JavaScript on first load, gzip: `/`, `/login`, `/dashboard`", `${(welcome / 1024).toFixed(0)} KiB, ${(login / 1024).toFixed(0)} KiB, ${(dashboard / 1024).toFixed(0)} KiB`, "(context)", null);
  report("Dashboard JavaScript against the welcome page's", `${(dashboard / welcome).toFixed(2)}×`, "≤ 1.5×", dashboard / welcome <= 1.5);
}

async function main(): Promise<void> {
  console.log("token verify…");
  await tokenVerify();
  console.log("HTTP (production build on a stack of its own)…");
  await http();
  console.log("JavaScript per route…");
  await javascriptPerRoute();
  const versions = JSON.parse(await readFile("package.json", "utf8")) as { dependencies: Record<string, string> };
  const text = `# TropiCal benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,
Node ${process.version}, Next ${versions.dependencies.next}, jose ${versions.dependencies.jose}. Every figure is a ratio to a baseline measured in
the same run (medians of ${ROUNDS} rounds where repeated); the server and the load generator share the machine (no core pinning).

| measurement | result | target | |
|---|---|---|---|
${rows.join("\n")}

Not measured yet: middleware cost against no and an empty middleware (needs builds without it),
the revocation check switched off, and Lighthouse scores.
`;
  await writeFile(path.join("bench", "RESULTS.md"), text);
  console.log(text);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
