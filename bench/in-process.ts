// Measurements that need no build and no server: taken in this process, for the reasons the code
// gives in its comments (lib/auth/tokens.ts, lib/metrics.ts, lib/client/error-body.ts, lib/client/social.ts).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { jwtVerify, SignJWT } from "jose";

// What lib/metrics.ts's histogram reads in a process with nothing to do: its samples are
// `resolutionMs` apart, and it records the whole gap, so an idle loop reads about the interval.
export async function idleEventLoopDelay(resolutionMs: number, forMs: number): Promise<{ meanMs: number; p99Ms: number }> {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  await sleep(forMs);
  histogram.disable();
  return { meanMs: histogram.mean / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
}

// lib/auth/tokens.ts remembers the tokens that passed in a Map of bounded size. Past the bound, two
// ways to make room: drop the oldest entry on each insert, or start over once. Each call here is a
// full check (jose's HS256 verify with the key imported once) followed by the insert, on tokens new
// to the Map, which is full from the start; per round, checks per second with each way.
export async function evictionRates(capacity: number, calls: number, rounds: number): Promise<{ startOver: number[]; dropOldest: number[] }> {
  const secret = new TextEncoder().encode("bench-secret-bench-secret-bench-secret-0123");
  const key = await crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const tokens = async (count: number) => {
    const list: string[] = [];
    for (let index = 0; index < count; index++) list.push(await new SignJWT({ n: index }).setProtectedHeader({ alg: "HS256" }).setExpirationTime("15m").sign(key));
    return list;
  };
  const filled = (size: number) => new Map(Array.from({ length: size }, (_, index) => [`filler-${index}`, index] as const));
  const strategies = {
    startOver: (map: Map<string, unknown>, token: string, claims: unknown) => {
      if (map.size >= capacity) map.clear();
      map.set(token, claims);
    },
    dropOldest: (map: Map<string, unknown>, token: string, claims: unknown) => {
      if (map.size >= capacity) map.delete(map.keys().next().value as string);
      map.set(token, claims);
    },
  };
  const rates = { startOver: [] as number[], dropOldest: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const names = round % 2 === 0 ? (["startOver", "dropOldest"] as const) : (["dropOldest", "startOver"] as const);
    for (const name of names) {
      const fresh = await tokens(calls);
      const map = filled(capacity);
      const started = performance.now();
      for (const token of fresh) strategies[name](map, token, (await jwtVerify(token, key, { algorithms: ["HS256"] })).payload);
      rates[name].push(calls / ((performance.now() - started) / 1000));
    }
  }
  return rates;
}

// Bytes, gzipped, of `code` bundled and minified by esbuild as a page would load it: the cost of a
// library as a module actually uses it (tree-shaken), not of the whole package.
export async function gzipBundleSize(code: string): Promise<number> {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  return gzipSync(result.outputFiles.map((file) => file.contents).reduce((all, part) => Buffer.concat([all, part]), Buffer.alloc(0))).length;
}
