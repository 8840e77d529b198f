// `npm run bench`: measurements taken side by side in one run on this machine, reported as ratios
// against a baseline measured in the same run, with the target beside each. Writes bench/RESULTS.md.
// Needs a production build (`npm run build`). Loopback only; every loop is bounded.
import { spawnSync } from "node:child_process";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hash, verify as argonVerify } from "@node-rs/argon2";
import { chromiumPath } from "../scripts/chromium";
import autocannon from "autocannon";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer, { type CookieData } from "puppeteer-core";
import { importJWK, jwtVerify, SignJWT } from "jose";
import { jwkOf, rotateKeyRing, type RingKey } from "../lib/auth/key-ring";
import { z } from "zod";
import { DEVICE_COOKIE } from "../lib/auth/cookies";
import { RETIRED_KEY_GRACE_SECONDS, signToken, verifyToken } from "../lib/auth/tokens";
import { startOwnStack } from "../tests/helpers/own-stack";
import { randomAddress, type Client } from "../tests/helpers/http";
import { PASSWORD } from "../tests/helpers/users";
import { evictionRates, idleEventLoopDelay } from "./in-process";
import { buildPeer, PEER_VERSIONS, startPeer, type PeerName } from "./peers";
import { buildBareNext, buildVariant, emptyMiddleware, passwordCheckOnlyLogin, pingRoute, replaceIn, startBareNext } from "./variants";

const ROUNDS = 3;
// Comparisons are paired: both sides measured back to back in every round, the order flipped each
// round, and the ratio taken per round before the median. This machine's speed drifts by up to 60%
// over a minute (one build measured 367, 578 and 620 req/s in three rounds), which a ratio of
// medians taken across rounds would count as the difference between builds.
const PAIRED_ROUNDS = 7;
// With two cores or more, the app servers run on core 1 and this process (the load generator) on
// core 0, so they do not take turns on one core. Every thread of it (-a): without, only the main
// thread moved, and its thread pool and V8's helper threads still ran on the servers' core.
const pinned = os.cpus().length >= 2 && spawnSync("taskset", ["-apc", "0", String(process.pid)]).status === 0;
const SERVER_CPU = pinned ? 1 : undefined;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const spread = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
const rows: string[] = [];
const report = (name: string, measured: string, target: string, met: boolean | null) => rows.push(`| ${name} | ${measured} | ${target} | ${met === null ? "—" : met ? "met" : "**not met**"} |`);

function perSecond(iterations: number, run: () => unknown): Promise<number> {
  return (async () => {
    const started = performance.now();
    for (let index = 0; index < iterations; index++) await run();
    return iterations / ((performance.now() - started) / 1000);
  })();
}

const VERIFY_CALLS = 10_000;

// verifyToken remembers the tokens that passed (lib/auth/tokens.ts), so the full check is measured
// on tokens it has not seen: a fresh set every round, more than it remembers. Per algorithm of the
// key ring: TropiCal's check against jose's bare jwtVerify of the same tokens with the same key
// imported once (what the wrapper adds: header checks, key lookup by kid, claim checks, the
// remembered set), and against the same bare check of HS256 tokens (what the asymmetric key costs).
async function tokenVerify(): Promise<void> {
  process.env.AUTH_SECRET = "bench-secret-bench-secret-bench-secret-0123";
  const hmacKey = new TextEncoder().encode(process.env.AUTH_SECRET);
  // One call per item, in order.
  const eachOnce = <T>(items: T[], call: (item: T) => unknown) => {
    let calls = 0;
    return perSecond(items.length, () => call(items[calls++] as T));
  };
  const hsTokens = async () => {
    const tokens: string[] = [];
    for (let index = 0; index < VERIFY_CALLS; index++)
      tokens.push(await new SignJWT({ tokenType: "ACCESS", sid: "s1" }).setProtectedHeader({ alg: "HS256", typ: "JWT" }).setSubject("u1").setExpirationTime("15m").sign(hmacKey));
    return tokens;
  };
  for (const alg of ["ES256", "EdDSA"] as const) {
    const { ring } = await rotateKeyRing(null, { now: Math.floor(Date.now() / 1000), alg, graceSeconds: RETIRED_KEY_GRACE_SECONDS });
    process.env.AUTH_SIGNING_KEYS = JSON.stringify(ring);
    const [current] = ring.keys as [RingKey];
    const publicKey = await importJWK(jwkOf(current, false), alg);
    const freshTokens = async () => {
      const tokens: string[] = [];
      for (let index = 0; index < VERIFY_CALLS; index++) tokens.push((await signToken("ACCESS", { sub: "u1", email: "a@example.test", sid: "s1", role: "USER" })).token);
      return tokens;
    };
    const ours: number[] = [];
    const bare: number[] = [];
    const hs: number[] = [];
    const seen: number[] = [];
    await eachOnce(await freshTokens(), (token) => verifyToken(token, "ACCESS"));
    for (let round = 0; round < PAIRED_ROUNDS; round++) {
      const [tokens, hmacTokens] = [await freshTokens(), await hsTokens()];
      const measurements = [
        async () => ours.push(await eachOnce(tokens, (token) => verifyToken(token, "ACCESS"))),
        async () => bare.push(await eachOnce(tokens, (token) => jwtVerify(token, publicKey, { algorithms: [alg] }))),
        async () => hs.push(await eachOnce(hmacTokens, (token) => jwtVerify(token, hmacKey, { algorithms: ["HS256"] }))),
      ];
      for (const measure of round % 2 === 0 ? measurements : [...measurements].reverse()) await measure();
      // The same tokens once more: now verifyToken remembers every one.
      seen.push(await eachOnce(tokens, (token) => verifyToken(token, "ACCESS")));
    }
    const added = ours.map((rate, round) => (bare[round] ?? 0) / rate);
    report(
      `Access token verify (${alg}), each token new to it: TropiCal's check against jose's bare jwtVerify of the same tokens`,
      `${median(added).toFixed(2)}× the time (rounds ${spread(added)}; ${Math.round(median(ours))}/s vs ${Math.round(median(bare))}/s)`,
      "≤ 1.10×",
      median(added) <= 1.1,
    );
    const cost = bare.map((rate, round) => (hs[round] ?? 0) / rate);
    report(`jose's bare verify, ${alg} against HS256`, `${median(cost).toFixed(2)}× the time (rounds ${spread(cost)}; HS256 ${Math.round(median(hs))}/s)`, "(context)", null);
    const remembered = seen.map((rate, round) => rate / (ours[round] ?? 1));
    report(
      `Access token verify (${alg}) of a token that passed before (remembered) vs its first check`,
      `${median(remembered).toFixed(1)}× faster (rounds ${spread(remembered)}; ${Math.round(median(seen))}/s)`,
      "(context)",
      null,
    );
  }
  delete process.env.AUTH_SIGNING_KEYS;
}

// lib/auth/tokens.ts starts its remembered set over when it is full instead of dropping the oldest
// token on each insert: measured on full checks of tokens new to a full set.
async function rememberedTokens(): Promise<void> {
  const { startOver, dropOldest } = await evictionRates(10_000, VERIFY_CALLS, PAIRED_ROUNDS);
  const gain = startOver.map((rate, round) => rate / (dropOldest[round] ?? 1));
  report(
    "Full token checks with the remembered set full: starting it over against dropping the oldest token on each insert",
    `${median(gain).toFixed(2)}× (rounds ${spread(gain)}; ${Math.round(median(startOver))}/s vs ${Math.round(median(dropOldest))}/s)`,
    "(context)",
    null,
  );
}

// What lib/metrics.ts's event-loop histogram reads with nothing to do (the sampling interval, which
// the gauge takes off).
async function idleEventLoop(): Promise<void> {
  const { meanMs, p99Ms } = await idleEventLoopDelay(10, 3_000);
  report("Event-loop delay histogram of an idle process, sampled every 10 ms", `mean ${meanMs.toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms`, "(context)", null);
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

async function http(passwordCheckOnly: string, everyHashAtOnce: string): Promise<void> {
  const stack = await startOwnStack("bench", { cpu: SERVER_CPU });
  const cutDown = await stack.startAppFrom(passwordCheckOnly);
  const unlimited = await stack.startAppFrom(everyHashAtOnce);
  try {
    const { client, email } = await stack.signedIn();
    // Every login is sent from the signed-in client's device: from a device the account does not
    // know, a correct password is answered with a mailed code instead of a session.
    const device = `${DEVICE_COOKIE}=${client.cookies.get(DEVICE_COOKIE)?.value ?? ""}`;
    if (!client.cookies.has(DEVICE_COOKIE)) throw new Error("the signed-in client has no device cookie");
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
    report(
      "Authenticated reads `GET /api/todos` (with the session check)",
      `${Math.round(median(reads))} req/s = ${(median(reads) / median(trivial)).toFixed(2)}× a trivial handler (${Math.round(median(trivial))} req/s)`,
      "(context)",
      null,
    );

    // Refresh rotation with distinct tokens: each request spends one token, none is reused.
    const tokens: string[] = [];
    for (let index = 0; index < 300; index++) {
      const response = await fetch(`${stack.baseUrl}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: stack.baseUrl, "x-forwarded-for": randomAddress(), cookie: device },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const refresh = response.headers.getSetCookie().find((value) => value.startsWith("REFRESH_TOKEN="));
      if (refresh) tokens.push(refresh.split(";")[0] ?? "");
    }
    if (tokens.length === 0) throw new Error("no login answered with a refresh token");
    let next = 0;
    const rotated = await cannon(`${stack.baseUrl}/api/auth/token/refresh`, {
      amount: tokens.length,
      connections: 8,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, origin: stack.baseUrl, "x-forwarded-for": randomAddress(), cookie: tokens[next++ % tokens.length] ?? "" } }),
        },
      ],
    });
    const errors = rotated.non2xx;
    report(
      "Refresh rotation, distinct pre-seeded tokens",
      `${Math.round(rotated.requests.average)} req/s = ${(rotated.requests.average / median(trivial)).toFixed(2)}× a trivial handler; ${errors} non-2xx of ${rotated.requests.total}`,
      "zero 5xx",
      errors === 0,
    );

    // Login latency, one connection: success, wrong password, unknown address; against one hash.
    const base = await hashAlone();
    // Milliseconds from sending a request to having read its whole answer.
    const timed = async (send: () => Promise<Response>) => {
      const started = performance.now();
      await (await send()).text();
      return performance.now() - started;
    };
    const timeLogin = (body: unknown, baseUrl = stack.baseUrl) =>
      timed(() =>
        fetch(`${baseUrl}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": randomAddress(), cookie: device },
          body: JSON.stringify(body),
        }),
      );
    const success: number[] = [];
    const wrong: number[] = [];
    const unknown: number[] = [];
    const checkOnly: number[] = [];
    const victims = await Promise.all(Array.from({ length: 6 }, () => stack.signedIn()));
    for (let index = 0; index < 18; index++) {
      success.push(await timeLogin({ email, password: PASSWORD }));
      wrong.push(await timeLogin({ email: victims[index % victims.length]?.email, password: `wrong ${index}` }));
      unknown.push(await timeLogin({ email: `nobody-${index}-${Date.now()}@example.test`, password: "whatever it is" }));
    }
    // A loop of its own: interleaved with the logins, every successful one came right after a request
    // to the other server and measured 2-3 ms slower (unknown e-mail 0.86× of success in that run).
    await timeLogin({ email, password: PASSWORD }, cutDown.baseUrl);
    for (let index = 0; index < 18; index++) checkOnly.push(await timeLogin({ email, password: PASSWORD }, cutDown.baseUrl));
    const p50 = median(success);
    report("Login p50, one connection, against one argon2id hash alone", `${(p50 / base).toFixed(2)}× (${p50.toFixed(0)} ms vs ${base.toFixed(0)} ms)`, "≤ 1.5×", p50 / base <= 1.5);
    // Where the rest goes: the same route with nothing but the password check (a variant build), and
    // a request that does nothing, timed the same way.
    const floor: number[] = [];
    for (let index = 0; index < 18; index++) floor.push(await timed(() => fetch(health)));
    report(
      "Login p50 against the same route cut down to its password check (no database: no limits, lockout, session or sign-in record), timed the same way",
      `${(p50 / median(checkOnly)).toFixed(2)}× (${p50.toFixed(1)} vs ${median(checkOnly).toFixed(1)} ms); the cut-down route against one hash alone ${(median(checkOnly) / base).toFixed(2)}×; a trivial request (\`GET /api/health\`) ${median(floor).toFixed(1)} ms`,
      "(context)",
      null,
    );
    const wrongRatio = median(wrong) / p50;
    const unknownRatio = median(unknown) / p50;
    report("Wrong-password p50 against a successful login", `${wrongRatio.toFixed(2)}×`, "within ±10%", Math.abs(wrongRatio - 1) <= 0.1);
    report("Unknown-e-mail p50 against a successful login", `${unknownRatio.toFixed(2)}×`, "within ±10%", Math.abs(unknownRatio - 1) <= 0.1);

    // Concurrent logins: latency at 1, 4 and 16 connections, and how late the server's event loop ran.
    const metrics = async (baseUrl: string) =>
      (await (await fetch(`${baseUrl}/api/metrics`, { headers: { authorization: `Bearer ${stack.metricsToken}` } })).text()).match(/^tropical_event_loop_delay_p99_seconds ([\d.]+)$/m)?.[1];
    const concurrentLogins = async (baseUrl: string, connections: number) => {
      await metrics(baseUrl);
      const result = await cannon(`${baseUrl}/api/auth/login`, {
        connections,
        amount: connections * 8,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => ({
              ...request,
              headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": randomAddress(), cookie: device },
              body: JSON.stringify({ email, password: PASSWORD }),
            }),
          },
        ],
      });
      return { p50: result.latency.p50, delayMs: Number(await metrics(baseUrl)) * 1000 };
    };
    const latencies: string[] = [];
    let delayAt16 = 0;
    let p50At16 = 0;
    for (const connections of [1, 4, 16]) {
      const result = await concurrentLogins(stack.baseUrl, connections);
      latencies.push(`${connections}: ${result.p50} ms`);
      if (connections === 16) ({ delayMs: delayAt16, p50: p50At16 } = result);
    }
    report("Login p50 latency at 1, 4 and 16 connections", latencies.join(", "), "(context)", null);
    report("Server event-loop delay p99 during 16 concurrent logins", `${delayAt16.toFixed(1)} ms`, "< 20 ms", delayAt16 < 20);
    // lib/auth/password-hashing.ts hashes at most one password per spare core; against a build that lets
    // every thread of libuv's pool (4) hash at once.
    await concurrentLogins(unlimited.baseUrl, 16);
    const everyHash = await concurrentLogins(unlimited.baseUrl, 16);
    report(
      "16 concurrent logins, hashing one per spare core against every pool thread at once (a variant build): event-loop delay p99, login p50",
      `${delayAt16.toFixed(1)} ms vs ${everyHash.delayMs.toFixed(1)} ms; ${p50At16} ms vs ${everyHash.p50} ms`,
      "(context)",
      null,
    );
  } finally {
    await unlimited.stop();
    await cutDown.stop();
    await stack.stop();
  }
}

interface Variants {
  // The tree unchanged, built and served exactly like the others: the reference every ratio uses
  // (the test stack's own server differed from variant servers by 10-30% on identical requests).
  reference: string;
  // The same tree built and served again: against the reference, how far apart two identical
  // builds measure (the resolution of every comparison between builds).
  sameTree: string;
  noMiddleware: string;
  emptyMiddleware: string;
  // The auth middleware with every step but the signature check: it decodes the token and trusts
  // it. Against it, the reference shows what the JWT check itself costs; against the empty
  // middleware, this one shows the rest (routing, the per-request CSP nonce, security headers).
  unverifiedMiddleware: string;
  noRevocationCheck: string;
}

async function buildVariants(): Promise<Variants> {
  return {
    reference: await buildVariant("reference", async () => {}),
    sameTree: await buildVariant("same-tree", async () => {}),
    noMiddleware: await buildVariant("no-middleware", (dir) => rm(path.join(dir, "middleware.ts"))),
    emptyMiddleware: await buildVariant("empty-middleware", emptyMiddleware),
    unverifiedMiddleware: await buildVariant("unverified-middleware", (dir) =>
      replaceIn(
        dir,
        "middleware.ts",
        'import { verifyToken } from "@/lib/auth/tokens";',
        [
          'import { decodeJwt } from "jose";',
          'import type { verifyToken as verifyJwt } from "@/lib/auth/tokens";',
          "type Verified = Awaited<ReturnType<typeof verifyJwt>>;",
          'const verifyToken = async (token: string | undefined, _type: string): Promise<Verified> => (token ? ({ ok: true, claims: decodeJwt(token) } as unknown as Verified) : ({ ok: false, reason: "missing" } as unknown as Verified));',
        ].join("\n"),
      ),
    ),
    // The handlers' per-request session check (guard.ts) removed; the token is still verified.
    noRevocationCheck: await buildVariant("no-revocation-check", async (dir) => {
      await replaceIn(dir, "lib/auth/guard.ts", "!(result.claims.sid && (await isSessionActive(result.claims.sid)))", "!result.claims.sid");
      await replaceIn(dir, "lib/auth/guard.ts", 'import { isSessionActive } from "@/lib/auth/sessions";\n', "");
    }),
  };
}

// The same requests against builds that differ in one thing, servers taking turns round by round.
async function middlewareAndRevocation(variants: Variants): Promise<void> {
  const stack = await startOwnStack("bench-variants", { cpu: SERVER_CPU });
  const servers: { name: string; baseUrl: string; stop: () => Promise<void> }[] = [];
  try {
    const { client } = await stack.signedIn();
    const cookie = client.cookieHeader("/api/todos");
    for (const [name, dir] of Object.entries(variants)) servers.push({ name, ...(await stack.startAppFrom(dir)) });
    const urls: Record<string, string> = Object.fromEntries(servers.map((server) => [server.name === "reference" ? "auth" : server.name, server.baseUrl]));
    // One font file: the same bytes (and name) in every build, served from _next/static.
    const font = (await readdir(path.join(".next", "static", "media"))).find((file) => file.endsWith(".woff2"));
    if (!font) throw new Error("no font file in .next/static/media");
    const cases = {
      page: { path: "/terms", headers: { cookie } },
      // A protected route, so the middleware checks the token (it waves public ones like /api/health through).
      handler: { path: "/api/todos", headers: { cookie } },
      static: { path: `/_next/static/media/${font}`, headers: { cookie } },
      unauthenticated: { path: "/api/todos", headers: {} },
      reads: { path: "/api/todos", headers: { cookie } },
    };
    const results: Record<string, Record<string, number[]>> = {};
    const unexpected: string[] = [];
    const measure = async (caseName: keyof typeof cases, server: string, duration: number, connections = 16) => {
      const { path: route, headers } = cases[caseName];
      const result = await cannon(`${urls[server]}${route}`, { headers, duration, connections });
      // A build answering errors would be measured as fast or slow for the wrong reason.
      if (caseName !== "unauthenticated" && result.non2xx > 0) unexpected.push(`${server} ${route}: ${result.non2xx} non-2xx`);
      return result.requests.average;
    };
    const record = (key: string, server: string, rate: number) => ((results[key] ??= {})[server] ??= []).push(rate);
    const middlewareCases = ["page", "handler", "static", "unauthenticated"] as const;
    const middlewareServers = (caseName: string) =>
      caseName === "page" || caseName === "handler" ? ["noMiddleware", "emptyMiddleware", "unverifiedMiddleware", "sameTree", "auth"] : ["noMiddleware", "emptyMiddleware", "auth"];
    // Every server warmed on every request it will get (JIT, connection pools, the session cache).
    for (const caseName of middlewareCases) for (const server of middlewareServers(caseName)) await measure(caseName, server, 2);
    for (const server of ["auth", "noRevocationCheck"]) await measure("reads", server, 2);
    for (let round = 0; round < PAIRED_ROUNDS; round++) {
      const flip = <T>(list: T[]) => (round % 2 === 0 ? list : [...list].reverse());
      for (const caseName of middlewareCases) for (const server of flip(middlewareServers(caseName))) record(caseName, server, await measure(caseName, server, 3));
      for (const server of flip(["auth", "noRevocationCheck"])) {
        record("reads@1", server, await measure("reads", server, 3, 1));
        record("reads", server, await measure("reads", server, 3));
      }
    }
    if (unexpected.length > 0) throw new Error(`variant servers answered errors: ${unexpected.join("; ")}`);
    const rates = (caseName: string, server: string) => results[caseName]?.[server] ?? [];
    const rate = (caseName: string, server: string) => median(rates(caseName, server));
    // The ratio of two builds within each round, then the median and range over the rounds.
    const ratios = (caseName: string, server: string, baseline: string) => rates(caseName, server).map((value, round) => value / (rates(caseName, baseline)[round] ?? value));
    const paired = (caseName: string, server: string, baseline: string) => {
      const values = ratios(caseName, server, baseline);
      return { ratio: median(values), text: `${median(values).toFixed(2)}× (rounds ${spread(values)})` };
    };
    for (const [caseName, label] of [
      ["page", "dynamic page `/terms` (signed in)"],
      ["handler", "route handler `GET /api/todos` (signed in)"],
    ] as const) {
      const overEmpty = paired(caseName, "auth", "emptyMiddleware");
      report(
        `Auth middleware throughput, ${label}, against an empty middleware`,
        `${overEmpty.text}; auth ${Math.round(rate(caseName, "auth"))}, empty ${Math.round(rate(caseName, "emptyMiddleware"))}, none ${Math.round(rate(caseName, "noMiddleware"))} req/s`,
        "≥ 0.95×",
        overEmpty.ratio >= 0.95,
      );
      const overUnverified = paired(caseName, "auth", "unverifiedMiddleware");
      report(
        `The JWT check alone, ${label}: the auth middleware against itself with tokens decoded, not verified`,
        `${overUnverified.text}; the unverified one against the empty middleware ${paired(caseName, "unverifiedMiddleware", "emptyMiddleware").text}`,
        "≥ 0.95×",
        overUnverified.ratio >= 0.95,
      );
    }
    report(
      "Two builds of the same tree against each other (what a difference between builds must exceed to mean anything)",
      `page ${paired("page", "sameTree", "auth").text}; handler ${paired("handler", "sameTree", "auth").text}`,
      "(context)",
      null,
    );
    const staticRatio = paired("static", "auth", "noMiddleware");
    report("Static asset throughput with the auth middleware against none (the matcher skips it)", staticRatio.text, "1.0× (± 5%)", Math.abs(staticRatio.ratio - 1) <= 0.05);
    report(
      "401 without a token: the middleware's answer against the handler's own",
      `${paired("unauthenticated", "auth", "noMiddleware").text}; ${Math.round(rate("unauthenticated", "auth"))} vs ${Math.round(rate("unauthenticated", "noMiddleware"))} req/s`,
      "(context)",
      null,
    );
    // One connection, one request at a time: the check's own cost. At 16 connections both builds
    // wait on the same single core and database.
    const revocation = paired("reads@1", "auth", "noRevocationCheck");
    report(
      "Authenticated reads `GET /api/todos`, one connection, with the revocation check against a build without it",
      `${revocation.text}; ${Math.round(rate("reads@1", "auth"))} vs ${Math.round(rate("reads@1", "noRevocationCheck"))} req/s`,
      "≥ 0.90× (check costs ≤ 10%)",
      revocation.ratio >= 0.9,
    );
    report(
      "The same at 16 connections",
      `${paired("reads", "auth", "noRevocationCheck").text}; ${Math.round(rate("reads", "auth"))} vs ${Math.round(rate("reads", "noRevocationCheck"))} req/s`,
      "(context)",
      null,
    );
  } finally {
    for (const server of servers) await server.stop();
    await stack.stop();
  }
}

interface PeerBuilds {
  // TropiCal with `GET /api/ping` added (bench/variants.ts), the request the peers answer too.
  tropical: string;
  peers: Record<PeerName, string>;
}

async function buildPeers(): Promise<PeerBuilds> {
  const peers = { authjs: await buildPeer("authjs"), betterAuth: await buildPeer("betterAuth") };
  return { tropical: await buildVariant("ping-route", pingRoute), peers };
}

// The same signed-in request to TropiCal and to two peers' apps on the same Next.js, servers taking
// turns round by round like the variant builds.
async function peerSessionChecks(builds: PeerBuilds): Promise<void> {
  const stack = await startOwnStack("bench-peers", { cpu: SERVER_CPU });
  const servers: { stop: () => Promise<void> }[] = [];
  try {
    const { client } = await stack.signedIn();
    const tropical = await stack.startAppFrom(builds.tropical);
    servers.push(tropical);
    const targets = [{ name: "tropical", url: `${tropical.baseUrl}/api/ping`, cookie: client.cookieHeader("/api/ping") }];
    for (const name of ["authjs", "betterAuth"] as const) {
      const peer = await startPeer(name, builds.peers[name], stack.databaseUrl, SERVER_CPU);
      servers.push(peer);
      targets.push({ name, url: `${peer.baseUrl}/api/ping`, cookie: peer.cookie });
    }
    const rates: Record<string, number[]> = {};
    const unexpected: string[] = [];
    const measure = async (target: (typeof targets)[number], duration: number) => {
      const result = await cannon(target.url, { headers: { cookie: target.cookie }, duration });
      // A server refusing the session would be measured as fast for the wrong reason.
      if (result.non2xx > 0) unexpected.push(`${target.name}: ${result.non2xx} non-2xx`);
      return result.requests.average;
    };
    for (const target of targets) await measure(target, 2);
    for (let round = 0; round < PAIRED_ROUNDS; round++) for (const target of round % 2 === 0 ? targets : [...targets].reverse()) (rates[target.name] ??= []).push(await measure(target, 3));
    if (unexpected.length > 0) throw new Error(`peer comparison servers answered errors: ${unexpected.join("; ")}`);
    const ours = rates.tropical ?? [];
    for (const [name, label] of [
      ["authjs", `Auth.js v5 (\`auth()\` in middleware and handler, JWE cookie)`],
      ["betterAuth", `Better Auth (\`getSession\` in proxy and handler, cookie cache)`],
    ] as const) {
      const theirs = rates[name] ?? [];
      const ratios = theirs.map((rate, round) => rate / (ours[round] ?? rate));
      report(
        `Per-request session check: ${label} against TropiCal's, signed-in \`GET /api/ping\` answering the user's id`,
        `${median(ratios).toFixed(2)}× (rounds ${spread(ratios)}); ${Math.round(median(theirs))} vs ${Math.round(median(ours))} req/s`,
        "(context)",
        null,
      );
    }
  } finally {
    for (const server of servers) await server.stop();
    await stack.stop();
  }
}

// The indirect model against the direct one: the example service's `GET /summary` through
// TropiCal's gateway (session check, a minted aud=ai token, the forward) and called with the
// browser's access token as Bearer, the two taking turns round by round.
async function gatewayRoundTrip(): Promise<void> {
  const stack = await startOwnStack("bench-gateway", { cpu: SERVER_CPU });
  try {
    const { client } = await stack.signedIn();
    const access = client.cookies.get("ACCESS_TOKEN")?.value ?? "";
    const targets = [
      { name: "gateway", url: `${stack.baseUrl}/api/services/ai/summary`, headers: { cookie: client.cookieHeader("/api/services/ai/summary") } },
      { name: "direct", url: `${stack.aiDirectUrl}/summary`, headers: { authorization: `Bearer ${access}` } },
    ];
    const rates: Record<string, number[]> = {};
    const measure = async (target: (typeof targets)[number], duration: number) => {
      const result = await cannon(target.url, { headers: target.headers, duration });
      if (result.non2xx > 0) throw new Error(`${target.name}: ${result.non2xx} non-2xx`);
      return result.requests.average;
    };
    for (const target of targets) await measure(target, 2);
    for (let round = 0; round < PAIRED_ROUNDS; round++) for (const target of round % 2 === 0 ? targets : [...targets].reverse()) (rates[target.name] ??= []).push(await measure(target, 3));
    const gateway = rates.gateway ?? [];
    const direct = rates.direct ?? [];
    const ratios = gateway.map((rate, round) => rate / (direct[round] ?? rate));
    report(
      "Gateway round trip `GET /api/services/ai/summary` (signed in) against the same service called directly with the access token",
      `${median(ratios).toFixed(2)}× (rounds ${spread(ratios)}); ${Math.round(median(gateway))} vs ${Math.round(median(direct))} req/s`,
      "(context)",
      null,
    );
  } finally {
    await stack.stop();
  }
}

// Lighthouse (performance and accessibility, mobile defaults with simulated throttling) with
// Debian's Chromium where Playwright's own is not installed; the dashboard with a session cookie.
// Its simulated phone is this host's CPU slowed four times, so a bare Next.js page is measured by
// the same Chromium in the same run: the score any Next.js page starts from on this host. Five runs
// each, the median, as Lighthouse's notes on variability advise: with three, a single run slowed by
// the host's drift moved a page's median.
const LIGHTHOUSE_ROUNDS = 5;

async function lighthouseScores(bareNext: string): Promise<void> {
  const stack = await startOwnStack("bench-lighthouse", { cpu: SERVER_CPU });
  const bare = await startBareNext(bareNext, SERVER_CPU).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  const stopServers = async () => {
    await bare.stop();
    await stack.stop();
  };
  const chromePath = process.env.CHROME_PATH ?? chromiumPath();
  const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
  // Chromium's browser, GPU and renderer processes on one core, beside Lighthouse reading the trace
  // as it comes, made every task longer than the page made it (TBT 290-400 ms on /dashboard against
  // 50-125 ms with both cores), and the simulated phone multiplies each task by four. So Chromium
  // may use every core; nothing else is measured while it runs. A child takes the affinity of the
  // thread that starts it: this process's main thread is widened for the launch and narrowed again.
  if (pinned) spawnSync("taskset", ["-pc", `0-${os.cpus().length - 1}`, String(process.pid)]);
  const chrome = await launch({ chromePath, chromeFlags })
    .catch(async (error: unknown) => {
      await stopServers();
      throw error;
    })
    .finally(() => {
      if (pinned) spawnSync("taskset", ["-pc", "0", String(process.pid)]);
    });
  const measure = async (url: string) => {
    const runs: { performance: number; accessibility: number; lcp: number; tbt: number; benchmarkIndex: number }[] = [];
    for (let round = 0; round < LIGHTHOUSE_ROUNDS; round++) {
      const once = () => lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
      let result = await once();
      // Chromium now and then loses the start of the trace; Lighthouse's own message asks for another run.
      if (result?.lhr.runtimeError?.code === "NO_NAVSTART") result = await once();
      if (result?.lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${result.lhr.runtimeError.message}`);
      if (result?.lhr.finalDisplayedUrl !== url) throw new Error(`Lighthouse on ${url} ended at ${result?.lhr.finalDisplayedUrl}`);
      const categories = result.lhr.categories;
      const audits = result.lhr.audits;
      runs.push({
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        lcp: audits["largest-contentful-paint"]?.numericValue ?? 0,
        tbt: audits["total-blocking-time"]?.numericValue ?? 0,
        benchmarkIndex: result.lhr.environment.benchmarkIndex,
      });
    }
    const of = (metric: keyof (typeof runs)[number]) => median(runs.map((run) => run[metric]));
    return {
      performance: of("performance"),
      accessibility: of("accessibility"),
      lcp: of("lcp") / 1000,
      tbt: of("tbt"),
      benchmarkIndex: of("benchmarkIndex"),
      range: `${Math.min(...runs.map((run) => run.performance))}–${Math.max(...runs.map((run) => run.performance))}`,
    };
  };
  try {
    const { client } = await stack.signedIn();
    // A returning user: the first visit to the dashboard saves the browser's time zone, and with it
    // the calendar's month comes with the page.
    const saved = await client.request("/api/settings", { method: "PATCH", json: { timeZone: "Asia/Seoul" } });
    if (!saved.ok) throw new Error(`could not save the bench user's time zone: ${saved.status}`);
    const warmBare = await fetch(`${bare.baseUrl}/`);
    if (warmBare.status !== 200) throw new Error(`the bare Next.js page answered ${warmBare.status}`);
    const floor = await measure(`${bare.baseUrl}/`);
    const scores: string[] = [];
    const benchmarkIndexes = [floor.benchmarkIndex];
    let allMet = true;
    // The session lives in the browser's own cookie jar, as a signed-in user's does. A Cookie header
    // given to Lighthouse instead is dropped from every request once the page writes a cookie of its
    // own (the time zone): the links' prefetches then went out without the session, and the page was
    // measured answering their sign-in redirects. Lighthouse clears storage but not cookies between
    // runs, so the guest pages are measured first, before the jar holds the session.
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    for (const [route, session] of [
      ["/", false],
      ["/login", false],
      ["/dashboard", true],
    ] as const) {
      if (session) await browser.setCookie(...browserCookies(client, stack.baseUrl));
      // A server answers its first request for a page slower than every later one (its code is
      // loaded and compiled then); users meet a server that has already served the page.
      const warm = await (session ? client : stack.client()).request(route);
      if (warm.status !== 200) throw new Error(`${route} answered ${warm.status} before the Lighthouse runs`);
      const page = await measure(`${stack.baseUrl}${route}`);
      benchmarkIndexes.push(page.benchmarkIndex);
      allMet &&= page.performance >= 95 && page.accessibility === 100;
      scores.push(`\`${route}\` ${page.performance} / ${page.accessibility} (runs ${page.range}; LCP ${page.lcp.toFixed(1)} s, TBT ${Math.round(page.tbt)} ms)`);
    }
    report(`Lighthouse performance / accessibility, mobile preset with simulated throttling (median of ${LIGHTHOUSE_ROUNDS})`, scores.join(", "), "≥ 95 / 100 on all three", allMet);
    report(
      "Lighthouse performance of a bare Next.js page (same Next, Chromium and settings), and the host's CPU as Lighthouse rates it",
      `${floor.performance} (runs ${floor.range}; LCP ${floor.lcp.toFixed(1)} s, TBT ${Math.round(floor.tbt)} ms); benchmarkIndex ${Math.round(median(benchmarkIndexes))} (Lighthouse's four-times slowdown is meant for 1500–2000)`,
      "(context)",
      null,
    );
    await browser.disconnect();
  } finally {
    chrome.kill();
    await stopServers();
  }
}

// A Client's cookies as Chromium's jar holds them, for the stack's host.
function browserCookies(client: Client, base: string): CookieData[] {
  const { hostname } = new URL(base);
  return [...client.cookies.values()].map((cookie) => ({
    name: cookie.name,
    value: cookie.value,
    domain: hostname,
    path: cookie.attributes.get("path") || "/",
    httpOnly: cookie.attributes.has("httponly"),
    secure: cookie.attributes.has("secure"),
    sameSite: cookie.attributes.get("samesite")?.toLowerCase() === "strict" ? "Strict" : "Lax",
  }));
}

const bundleSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

// Gzipped bytes of the JavaScript a first visit to `route` loads (or of the chunks among it that
// `only` picks), from the build's own statistics.
async function firstLoadJavaScript(appDir: string, route: string, only: (chunk: string) => Promise<boolean> = async () => true): Promise<number> {
  const stats = bundleSchema.parse(JSON.parse(await readFile(path.join(appDir, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")));
  const entry = stats.find((row) => row.route === route);
  if (!entry) throw new Error(`no bundle statistics for ${route} in ${appDir}`);
  const sizes = await Promise.all(entry.firstLoadChunkPaths.map(async (chunk) => ((await only(chunk)) ? gzipSync(await readFile(path.join(appDir, chunk))).length : 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

async function javascriptPerRoute(bareNext: string): Promise<void> {
  const here = process.cwd();
  const bare = await firstLoadJavaScript(bareNext, "/");
  // Every page of the build, from its own statistics: a page added later is measured too.
  const pages = bundleSchema
    .parse(JSON.parse(await readFile(path.join(here, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")))
    .map((row) => row.route)
    .filter((route) => !route.startsWith("/api/") && !route.startsWith("/_") && !route.startsWith("/dev/"));
  const perPage = (await Promise.all(pages.map(async (route) => ({ route, ratio: (await firstLoadJavaScript(here, route)) / bare })))).sort((a, b) => b.ratio - a.ratio);
  const worst = perPage[0];
  report(
    `Every page's first-load JavaScript against a bare Next.js page's (same Next, gzip; ${perPage.length} pages)`,
    worst ? `heaviest \`${worst.route}\` ${worst.ratio.toFixed(2)}×; ${perPage.filter((page) => page.ratio > 1.15).length} over the target` : "no pages",
    "≤ 1.15× each",
    perPage.every((page) => page.ratio <= 1.15),
  );
  report("First-load JavaScript per page against the bare page's", perPage.map((page) => `\`${page.route}\` ${page.ratio.toFixed(2)}×`).join(", "), "(context)", null);
  const welcome = await firstLoadJavaScript(here, "/");
  const login = await firstLoadJavaScript(here, "/login");
  const dashboard = await firstLoadJavaScript(here, "/dashboard");
  report("Welcome page JavaScript against a bare Next.js page's (same Next, gzip)", `${(welcome / bare).toFixed(2)}× (${(bare / 1024).toFixed(0)} KiB bare)`, "≤ 1.15×", welcome / bare <= 1.15);
  report(
    "JavaScript on first load, gzip: `/`, `/login`, `/dashboard`",
    `${(welcome / 1024).toFixed(0)} KiB, ${(login / 1024).toFixed(0)} KiB, ${(dashboard / 1024).toFixed(0)} KiB`,
    "(context)",
    null,
  );
  report("Dashboard JavaScript against the welcome page's", `${(dashboard / welcome).toFixed(2)}×`, "≤ 1.5×", dashboard / welcome <= 1.5);

  // zod is fetched when a form is sent or an error answer is read (lazySchema, lib/client/error-body.ts,
  // lib/client/social.ts), never on first load. A chunk holds zod when it has its base class.
  const holdsZod = async (chunk: string) => (await readFile(path.join(here, chunk))).includes("$ZodType");
  const zodRoutes = ["/", "/login", "/signup", "/dashboard", "/dashboard/todo", "/dashboard/bucket"];
  const zodOnFirstLoad = await Promise.all(zodRoutes.map(async (route) => [route, await firstLoadJavaScript(here, route, holdsZod)] as const));
  report(
    "zod in first-load JavaScript, gzip: " + zodRoutes.map((route) => `\`${route}\``).join(", "),
    zodOnFirstLoad.map(([, bytes]) => `${(bytes / 1024).toFixed(1)} KiB`).join(", "),
    "0 KiB each",
    zodOnFirstLoad.every(([, bytes]) => bytes === 0),
  );
  const chunkDir = path.join(".next", "static", "chunks");
  const zodChunks: number[] = [];
  for (const file of await readdir(chunkDir)) if (file.endsWith(".js") && (await holdsZod(path.join(chunkDir, file)))) zodChunks.push(gzipSync(await readFile(path.join(chunkDir, file))).length);
  report(
    "Chunks that hold zod, loaded when needed, gzip (what a static import would add to a first load)",
    `${zodChunks.map((bytes) => `${(bytes / 1024).toFixed(1)} KiB`).join(", ")}; the welcome page's first load is ${(welcome / 1024).toFixed(0)} KiB`,
    "(context)",
    null,
  );

  // The font files pages load: Geist's one variable file for Latin, and Pretendard's Hangul subsets
  // (lib/generated/pretendard.css), of which a page fetches only those holding its syllables.
  const geistSize = (await stat("node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2")).size;
  const subsetDir = path.join("node_modules", "pretendard", "dist", "web", "variable", "woff2-dynamic-subset");
  const subsetSizes = await Promise.all((await readdir(subsetDir)).map(async (file) => (await stat(path.join(subsetDir, file))).size));
  const fontSizes = [
    `Geist variable ${(geistSize / 1024).toFixed(0)} KiB`,
    `Pretendard Hangul subsets ${subsetSizes.length} files of ${(Math.min(...subsetSizes) / 1024).toFixed(0)}-${(Math.max(...subsetSizes) / 1024).toFixed(0)} KiB`,
  ];
  report("Font files (woff2, as served)", fontSizes.join(", "), "(context)", null);
}

// `npm run bench -- javascript`: only the JavaScript rows, against the build already in .next (no
// variants, no servers), printed rather than written to RESULTS.md.
async function javascriptOnly(): Promise<void> {
  await javascriptPerRoute(await buildBareNext());
  console.log(rows.join("\n"));
}

// `npm run bench -- peers`: only the peers' and the gateway's rows, printed rather than written.
async function peersOnly(): Promise<void> {
  await peerSessionChecks(await buildPeers());
  await gatewayRoundTrip();
  console.log(rows.join("\n"));
}

// `npm run bench -- tokens`: only the token rows (in this process, no builds), printed rather than written.
async function tokensOnly(): Promise<void> {
  await tokenVerify();
  await rememberedTokens();
  console.log(rows.join("\n"));
}

// `npm run bench -- lighthouse`: only the Lighthouse row, against the build already in .next, printed.
async function lighthouseOnly(): Promise<void> {
  await lighthouseScores(await buildBareNext());
  console.log(rows.join("\n"));
}

async function main(): Promise<void> {
  if (process.argv.includes("javascript")) return javascriptOnly();
  if (process.argv.includes("peers")) return peersOnly();
  if (process.argv.includes("tokens")) return tokensOnly();
  if (process.argv.includes("lighthouse")) return lighthouseOnly();
  console.log("building the variants (no middleware, empty middleware, no revocation check, bare Next.js, login cut down to its password check, every hash at once, the peers' apps)…");
  const variants = await buildVariants();
  const peerBuilds = await buildPeers();
  const bareNext = await buildBareNext();
  const passwordCheckOnly = await buildVariant("password-check-only-login", passwordCheckOnlyLogin);
  const everyHashAtOnce = await buildVariant("every-hash-at-once", (dir) =>
    replaceIn(dir, "lib/auth/password-hashing.ts", "const HASH_SLOTS = Math.max(1, availableParallelism() - 1);", "const HASH_SLOTS = Math.max(4, availableParallelism() - 1);"),
  );
  console.log("event loop at rest…");
  await idleEventLoop();
  console.log("token verify…");
  await tokenVerify();
  await rememberedTokens();
  console.log("HTTP (production build on a stack of its own)…");
  await http(passwordCheckOnly, everyHashAtOnce);
  console.log("middleware and revocation check against the variant builds…");
  await middlewareAndRevocation(variants);
  console.log("session checks of Auth.js and Better Auth against TropiCal's…");
  await peerSessionChecks(peerBuilds);
  console.log("the gateway against a direct call…");
  await gatewayRoundTrip();
  console.log("JavaScript per route…");
  await javascriptPerRoute(bareNext);
  console.log("Lighthouse…");
  await lighthouseScores(bareNext);
  const versions = JSON.parse(await readFile("package.json", "utf8")) as { dependencies: Record<string, string> };
  const text = `# TropiCal benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,
Node ${process.version}, Next ${versions.dependencies.next}, jose ${versions.dependencies.jose}.
Every figure is a ratio to a baseline measured in the same run: two builds or two code paths are
measured back to back in each of ${PAIRED_ROUNDS} rounds (the order flipped every round) and a ratio
is the median of the per-round ratios, with their range; Lighthouse and the login timings are
medians of ${ROUNDS} runs or more. ${
    pinned
      ? "App servers pinned to core 1, the load generator to core 0\nwith every thread of it and the PostgreSQL it starts"
      : "The server and the load generator share the machine (no core\npinning)"
  }.
Variants are separate builds of this tree (the same again, no middleware, an empty one, the real
one with tokens decoded but not verified, no revocation check, the login route cut down to its
password check, one with \`GET /api/ping\` added) and a bare Next.js app, built by the same run, as
are two peers' apps with the same Next.js and React (next-auth ${PEER_VERSIONS.authjs}, better-auth
${PEER_VERSIONS.betterAuth}, from bench/peers.ts).

| measurement | result | target | |
|---|---|---|---|
${rows.join("\n")}

Notes: a CPU profile of a loaded server put the auth middleware's whole cost over an empty one in
the JWT check: each Web Crypto HMAC verify is a job handed to the thread pool, about 0.3 ms of a
one-core server per call, and the handler checked the same token again. verifyToken now remembers
the tokens that passed (their type and expiry are still checked on every use), so both checks of a
browser's token are a lookup after its first request. The verify rows measure the full check on
tokens new to it, in this process with its thread pool on its own core (before 2026-11-23 only the
main thread was pinned, its thread pool ran on either core, and the rows read 11k verifies/s, 1.42×
for the key imported once). Besides the token, the middleware makes the per-request CSP nonce
(handed to the page by rewriting the request's headers) and sets the security headers. Login: the
route cut down to its password check is the floor any login has here; its row says how far that
floor alone is from one hash. Probes of it (2026-11-23) put a POST it refuses before hashing at 7 ms
against 5 ms for a trivial GET, and the hash at 11 ms inside the server; the hash-alone row hashes
back to back (8.8 ms in a probe), while with 30 ms pauses between hashes the same hash took 12 ms on
this machine, page faults unchanged. argon2 runs one hash at a time per spare core, and the
event-loop figure is the delay beyond the 10 ms sampling interval. Pages load Geist (one 70 KB
variable font) for Latin and, in every language, the Pretendard Hangul subset files holding the
page's syllables (before 2026-12-03: Korean pages only, one 2,350-syllable file per weight); the
auth forms fetch zod on first focus. With five Pretendard weights on every page (before 2026-11-23),
Lighthouse's slow-4G preset put /login's first paint at 6.6 s. Lighthouse's Chromium may use every core (on the load
generator's core alone, a side-by-side probe measured /dashboard's TBT at 290-400 ms against 50-125
ms), and its scores moved by up to 6 points between runs of this tree. Separate builds, and separate
processes of one build, are not equally fast here: the "same tree" row is the spread to read every
comparison between builds against. The peers' rows: each app checks the session twice, in its
middleware (Auth.js's on the Edge runtime like TropiCal's, Better Auth's proxy on Node.js, where its
database is reachable) and in the handler; Auth.js decrypts its JWE cookie and issues a fresh one
at every check, Better Auth verifies its signed cache cookie and reads its database only once the
cache is older than its maxAge, and TropiCal verifies the access token and reads the session row at
most every few seconds (lib/auth/sessions.ts). Their servers are \`next start\`, TropiCal's its
server.ts, on the same core.
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
