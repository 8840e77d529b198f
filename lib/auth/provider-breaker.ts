import "server-only";
import { fromDbProvider, isSocialDbProvider, probeUrl, toDbProvider } from "@/lib/auth/oauth-providers";
import { SOCIAL_PROVIDERS, type SocialProvider } from "@/lib/auth/social-providers";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// The design's circuit breaker for the sign-in providers. Closed, every sign-in goes to the
// provider; after PROVIDER_BREAKER_FAILURES failed calls in a row (network trouble, timeouts, 5xx:
// lib/auth/oauth-client.ts decides) it opens, and for PROVIDER_BREAKER_OPEN_SECONDS the login page
// offers the e-mail form instead and no sign-in is sent there. Then it is half-open: the next sign-in
// first probes the provider, one instance at a time, and only the probe's answer closes it again or
// opens it for another period. The state lives in the database, so every instance agrees.
export type BreakerState = "closed" | "open" | "half-open";

export interface ProviderHealth {
  provider: SocialProvider;
  state: BreakerState;
  failures: number;
  lastFailureAt: Date | null;
  openedAt: Date | null;
}

interface Row {
  failures: number;
  lastFailureAt: Date | null;
  openedAt: Date | null;
  probeUntil: Date | null;
}

function openMs(): number {
  return getEnv().PROVIDER_BREAKER_OPEN_SECONDS * 1000;
}

function stateOf(row: Row | undefined, now: number): BreakerState {
  if (!row?.openedAt) return "closed";
  // A probe in flight keeps everyone else out until it answers.
  if (row.openedAt.getTime() + openMs() > now || (row.probeUntil && row.probeUntil.getTime() > now)) return "open";
  return "half-open";
}

export async function providerHealth(): Promise<ProviderHealth[]> {
  const rows = new Map((await getDb().providerBreaker.findMany()).flatMap((row) => (isSocialDbProvider(row.provider) ? [[fromDbProvider(row.provider), row] as const] : [])));
  const now = Date.now();
  return SOCIAL_PROVIDERS.map((provider) => {
    const row = rows.get(provider);
    return { provider, state: stateOf(row, now), failures: row?.failures ?? 0, lastFailureAt: row?.lastFailureAt ?? null, openedAt: row?.openedAt ?? null };
  });
}

// The providers whose button the login page replaces with the e-mail hint. Without the database
// the page still renders, with every button: a sign-in then answers for itself.
export async function openProviders(): Promise<SocialProvider[]> {
  try {
    return (await providerHealth()).filter((health) => health.state === "open").map((health) => health.provider);
  } catch (error) {
    log("warn", "provider breakers could not be read", { error: error instanceof Error ? error.message : String(error) });
    return [];
  }
}

// Answers whether a sign-in may go to the provider now. Half-open, the caller that claims the probe
// (one UPDATE: concurrent claims on any instance find it taken) asks the provider itself first.
export async function admitProviderCall(provider: SocialProvider): Promise<boolean> {
  const db = getDb();
  const row = await db.providerBreaker.findUnique({ where: { provider: toDbProvider(provider) } });
  const now = Date.now();
  const state = stateOf(row ?? undefined, now);
  if (state !== "half-open") return state === "closed";
  const { PROVIDER_TIMEOUT_MS } = getEnv();
  const claimed = await db.providerBreaker.updateMany({
    where: { provider: toDbProvider(provider), openedAt: { lte: new Date(now - openMs()) }, OR: [{ probeUntil: null }, { probeUntil: { lt: new Date(now) } }] },
    data: { probeUntil: new Date(now + 2 * PROVIDER_TIMEOUT_MS) },
  });
  if (claimed.count === 0) return false;
  const healthy = await probe(provider, PROVIDER_TIMEOUT_MS);
  const at = new Date();
  if (healthy) {
    await db.providerBreaker.update({ where: { provider: toDbProvider(provider) }, data: { failures: 0, openedAt: null, probeUntil: null } });
    log("info", "sign-in provider breaker closed", { provider });
  } else {
    await db.providerBreaker.update({ where: { provider: toDbProvider(provider) }, data: { failures: { increment: 1 }, lastFailureAt: at, openedAt: at, probeUntil: null } });
    log("warn", "sign-in provider breaker stays open: the probe failed", { provider });
  }
  return healthy;
}

async function probe(provider: SocialProvider, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(probeUrl(provider), { signal: AbortSignal.timeout(timeoutMs), redirect: "manual", cache: "no-store" });
    await response.body?.cancel();
    return response.status < 500;
  } catch {
    return false;
  }
}

export async function recordProviderFailure(provider: SocialProvider): Promise<void> {
  const db = getDb();
  const at = new Date();
  const row = await db.providerBreaker.upsert({
    where: { provider: toDbProvider(provider) },
    create: { provider: toDbProvider(provider), failures: 1, lastFailureAt: at },
    update: { failures: { increment: 1 }, lastFailureAt: at },
  });
  if (row.openedAt || row.failures < getEnv().PROVIDER_BREAKER_FAILURES) return;
  // Only the failure that finds it still closed opens it (and says so).
  const opened = await db.providerBreaker.updateMany({ where: { provider: toDbProvider(provider), openedAt: null }, data: { openedAt: at } });
  if (opened.count > 0) log("warn", "sign-in provider breaker opened", { provider, failures: row.failures });
}

// A finished call resets the count of a closed breaker; an open one waits for its probe, since a
// call that began before it opened says little about the provider now.
export async function recordProviderSuccess(provider: SocialProvider): Promise<void> {
  await getDb().providerBreaker.updateMany({ where: { provider: toDbProvider(provider), openedAt: null, failures: { gt: 0 } }, data: { failures: 0 } });
}
