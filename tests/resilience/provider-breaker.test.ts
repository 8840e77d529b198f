// Sign-in providers that fail, seen through two instances behind the balancer (the design's
// circuit breaker, lib/auth/provider-breaker.ts): calls give up in bounded time, repeated failures
// open the provider's breaker on every instance, the login page points to the e-mail form, and one
// probe closes it again once the provider is back. The provider is the local stand-in, switched to
// fail (scripts/oauth-providers.ts); the cluster has a database of its own, so no other suite's
// sign-ins see the open breakers.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import pg from "pg";
import type { SocialProvider } from "@/lib/auth/social-providers";
import { startOAuthProviders, type LocalProviders } from "../../scripts/oauth-providers";
import { startCluster } from "../helpers/cluster";
import { closeTestDb } from "../helpers/db";
import { LoopbackClient } from "../helpers/http";
import { decideAtProvider, randomIdentity } from "../helpers/oauth";

const TIMEOUT_MS = 1_000;
const FAILURES = 3;
const OPEN_SECONDS = 3;

let cluster: Awaited<ReturnType<typeof startCluster>>;
let providers: LocalProviders | undefined;
before(async () => {
  cluster = await startCluster("breaker", 2, async (url) => {
    providers = await startOAuthProviders(url);
    return {
      ...providers.env,
      PROVIDER_TIMEOUT_MS: String(TIMEOUT_MS),
      PROVIDER_BREAKER_FAILURES: String(FAILURES),
      PROVIDER_BREAKER_OPEN_SECONDS: String(OPEN_SECONDS),
    };
  });
});
after(async () => {
  await cluster?.stop();
  await providers?.stop();
  await closeTestDb();
});

function stub(): LocalProviders {
  assert.ok(providers);
  return providers;
}

async function breaker(provider: SocialProvider): Promise<{ failures: number; openedAt: Date | null } | undefined> {
  const db = new pg.Client({ connectionString: cluster.directUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ failures: number; openedAt: Date | null }>(`SELECT failures, "openedAt" FROM "ProviderBreaker" WHERE provider = $1`, [provider.toUpperCase()]);
    return rows[0];
  } finally {
    await db.end();
  }
}

// The login page's first step: where the start call sends the browser, and how long it took.
async function start(client: LoopbackClient, provider: SocialProvider): Promise<{ url: string; ms: number }> {
  const began = Date.now();
  const csrf = await client.request("/api/auth/oauth/csrf");
  assert.equal(csrf.status, 200);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // The page's own origin, also when a test asks one instance directly past the balancer.
  const started = await client.request(`/api/auth/oauth/signin/${provider}`, { method: "POST", json: { csrfToken }, headers: { origin: cluster.url } });
  assert.equal(started.status, 200, await started.clone().text());
  const { url } = (await started.json()) as { url: string };
  return { url, ms: Date.now() - began };
}

const unavailable = (provider: SocialProvider) => `/login?oauth_error=unavailable&provider=${provider}`;

// A whole sign-in through the balancer; answers where the callback sent the browser.
async function signIn(provider: SocialProvider): Promise<string> {
  const client = new LoopbackClient(cluster.url);
  const { url } = await start(client, provider);
  if (url.startsWith("/")) return url;
  const callback = await decideAtProvider(new URL(url), randomIdentity(provider));
  const answer = await client.request(`${callback.pathname}${callback.search}`);
  assert.equal(answer.status, 303);
  return client.location(answer).replace(cluster.url, "");
}

async function loginPage(base: string): Promise<string> {
  const page = await new LoopbackClient(base).request("/login", { headers: { "accept-language": "ko" } });
  assert.equal(page.status, 200);
  return page.text();
}

test("a provider that never answers, or stalls part-way through its answer, fails the sign-in in bounded time", async () => {
  stub().fail("google", "silent");
  const silent = await start(new LoopbackClient(cluster.url), "google");
  assert.equal(silent.url, unavailable("google"));
  assert.ok(silent.ms >= TIMEOUT_MS * 0.9 && silent.ms < TIMEOUT_MS * 3, `answered after ${silent.ms} ms`);

  // The headers arrive, the body never does: only the sign-in's own deadline ends the wait.
  stub().fail("google", "stall");
  const stalled = await start(new LoopbackClient(cluster.url), "google");
  assert.equal(stalled.url, unavailable("google"));
  assert.ok(stalled.ms >= TIMEOUT_MS * 2.9 && stalled.ms < TIMEOUT_MS * 5, `answered after ${stalled.ms} ms`);
  assert.equal((await breaker("google"))?.failures, 2);

  // Back: a finished sign-in wipes the count, so old failures never add up to an open breaker.
  stub().fail("google", null);
  assert.equal(await signIn("google"), "/onboarding");
  assert.deepEqual(await breaker("google"), { failures: 0, openedAt: null });
});

test("a token endpoint that keeps failing opens the breaker on every instance, and only a probe after the open period closes it", async () => {
  stub().fail("kakao", "down");
  for (let attempt = 1; attempt <= FAILURES; attempt++) assert.equal(await signIn("kakao"), unavailable("kakao"), `attempt ${attempt}`);
  const opened = (await breaker("kakao"))?.openedAt;
  assert.ok(opened, "open after the failures in a row");

  // Each instance, asked directly, shows the e-mail hint in the provider's place; the others stay.
  for (const instance of cluster.instances) {
    const html = await loginPage(instance.url);
    assert.match(html, /지금은 카카오 로그인에 문제가 있어요\. 이메일로 로그인해 주세요\./);
    assert.match(html, /data-provider-down="kakao"/);
    assert.doesNotMatch(html, /data-provider-down="(google|naver)"/);
    assert.match(html, /type="email"/, "the e-mail form is beside it");
  }
  // The provider is back, but the breaker is still open: no sign-in is sent there yet, on any instance.
  stub().fail("kakao", null);
  for (const instance of cluster.instances) assert.equal((await start(new LoopbackClient(instance.url), "kakao")).url, unavailable("kakao"));

  // Past the open period with the provider down again: the probe fails and opens it for another period.
  stub().fail("kakao", "down");
  await new Promise((resolve) => setTimeout(resolve, OPEN_SECONDS * 1000 + 200));
  assert.equal((await start(new LoopbackClient(cluster.url), "kakao")).url, unavailable("kakao"));
  const reopened = (await breaker("kakao"))?.openedAt;
  assert.ok(reopened && reopened > opened, "the failed probe started a new open period");

  // Past it with the provider back: the probe closes the breaker and the sign-in goes through.
  stub().fail("kakao", null);
  await new Promise((resolve) => setTimeout(resolve, OPEN_SECONDS * 1000 + 200));
  assert.equal(await signIn("kakao"), "/onboarding");
  assert.deepEqual(await breaker("kakao"), { failures: 0, openedAt: null });
  for (const instance of cluster.instances) assert.doesNotMatch(await loginPage(instance.url), /data-provider-down/);
});

test("half-open, sign-ins started at once on both instances send one probe; the others are turned away at once", async () => {
  stub().fail("naver", "down");
  for (let attempt = 1; attempt <= FAILURES; attempt++) assert.equal(await signIn("naver"), unavailable("naver"));
  assert.ok((await breaker("naver"))?.openedAt);
  // A provider that holds the probe for its whole timeout, so the probe is still running when the others ask.
  stub().fail("naver", "silent");
  await new Promise((resolve) => setTimeout(resolve, OPEN_SECONDS * 1000 + 200));
  const clients = [0, 1, 0, 1].map((index) => new LoopbackClient(cluster.instances[index]!.url));
  const answers = await Promise.all(clients.map((client) => start(client, "naver")));
  assert.deepEqual(
    answers.map((answer) => answer.url),
    answers.map(() => unavailable("naver")),
  );
  const probed = answers.filter((answer) => answer.ms >= TIMEOUT_MS * 0.9);
  assert.equal(probed.length, 1, `one probe waited for the provider: ${answers.map((answer) => answer.ms).join(", ")} ms`);
  stub().fail("naver", null);
});

test("an attacker who writes a provider outage into callback URLs cannot open its breaker", async () => {
  const client = new LoopbackClient(cluster.url);
  for (const error of ["server_error", "temporarily_unavailable"]) {
    for (let attempt = 0; attempt < FAILURES + 1; attempt++) {
      const answer = await client.request(`/api/auth/oauth/callback/google?error=${error}&state=forged`);
      assert.equal(answer.status, 303);
    }
  }
  assert.deepEqual(await breaker("google"), { failures: 0, openedAt: null });
  assert.match((await start(client, "google")).url, /^http:\/\/127\.0\.0\.1:\d+\/google\/authorize\?/);
});
