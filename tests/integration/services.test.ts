// TropiCal as the auth server of other services, met by a real one in another language: the example
// FastAPI service (examples/ai-pipeline) verifying tokens itself (direct) and behind the gateway
// (indirect), the attacks both must refuse, a key rotation as the service sees it, and introspection.
import assert from "node:assert/strict";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, test } from "node:test";
import { createPublicKey } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT, type JWTPayload } from "jose";
import { generateRingKey, jwkOf, parseKeyRing, rotateKeyRing } from "@/lib/auth/key-ring";
import { RETIRED_KEY_GRACE_SECONDS } from "@/lib/auth/tokens";
import { startAiPipeline, type AiPipeline } from "../../scripts/ai-pipeline";
import { stopProcess } from "../../scripts/test-stack";
import { findFreePort } from "../../scripts/services";
import { startApp } from "../helpers/app";
import { closeTestDb } from "../helpers/db";
import { testEnv } from "../helpers/env";
import { Client } from "../helpers/http";
import { forgeToken, unsignedToken, validClaims } from "../helpers/tokens";
import { signedInUser } from "../helpers/users";

const pipelines: AiPipeline[] = [];
const servers: Server[] = [];
after(async () => {
  for (const pipeline of pipelines) await stopProcess(pipeline.child);
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await closeTestDb();
});

const base = () => testEnv().TEST_BASE_URL;
const issuer = () => new URL(base()).origin;
const gatewayMode = () => testEnv().TEST_AI_GATEWAY_URL;
const directMode = () => testEnv().TEST_AI_DIRECT_URL;
const accessOf = (client: Client) => client.cookies.get("ACCESS_TOKEN")?.value ?? "";

async function callService(url: string, token: string, path = "/summary"): Promise<Response> {
  return fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

async function requestsSeen(url: string): Promise<{ requests: number; jwks_fetches: number }> {
  return (await (await fetch(`${url}/stats`)).json()) as { requests: number; jwks_fetches: number };
}

async function introspect(token: string, credentials = `ai:${testEnv().TEST_SERVICE_SECRET}`): Promise<Response> {
  return fetch(`${base()}/api/auth/introspect`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(credentials).toString("base64")}`, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "2001:db8::7662" },
    body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
  });
}

async function activeOf(token: string): Promise<Record<string, unknown>> {
  const response = await introspect(token);
  assert.equal(response.status, 200);
  return (await response.json()) as Record<string, unknown>;
}

// A service token as the gateway mints it (lib/auth/tokens.ts signServiceToken), here with any claims.
function serviceClaims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: crypto.randomUUID(),
    sid: crypto.randomUUID(),
    scope: "planner:read planner:write",
    client_id: "tropical-gateway",
    iss: issuer(),
    aud: "ai",
    iat: now,
    exp: now + 60,
    jti: crypto.randomUUID(),
    ...overrides,
  };
}

const currentKey = () => parseKeyRing(testEnv().TEST_AUTH_SIGNING_KEYS).keys.find((key) => key.status === "current")!;

// The stack's POST /echo through the gateway, as a browser sends it, with every header the gateway must drop.
async function echoThroughGateway(
  client: Client,
): Promise<{ status: number; requestId: string | null; echoed: { sub: string; method: string; query: Record<string, string>; headers: Record<string, string>; body: string } }> {
  const response = await client.request("/api/services/ai/echo?text=hello&n=2", {
    method: "POST",
    body: JSON.stringify({ document: "중요한 회의록" }),
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
      "proxy-authorization": "Basic c3RvbGVuOmNyZWRz",
      "x-request-id": "chosen-by-the-client",
      "x-api-key": "the user's other secret",
    },
  });
  return { status: response.status, requestId: response.headers.get("x-request-id"), echoed: (await response.json()) as never };
}

test("direct: the service accepts a signed-in user's access token as Bearer, and the service behind the gateway does not", async () => {
  const { client } = await signedInUser();
  const userId = decodeJwt(accessOf(client)).sub;
  const direct = await callService(directMode(), accessOf(client));
  assert.equal(direct.status, 200);
  const summary = (await direct.json()) as { sub: string; mode: string };
  assert.equal(summary.sub, userId);
  assert.equal(summary.mode, "direct");
  assert.equal((await callService(gatewayMode(), accessOf(client))).status, 401, "an access token is not the ai service's token");
});

test("indirect: the service gets an aud=ai token for a minute, the request id, body and query, and none of the user's cookies or hop-by-hop and forwarded headers", async () => {
  const { client } = await signedInUser();
  const userId = decodeJwt(accessOf(client)).sub;
  const { status, requestId, echoed } = await echoThroughGateway(client);
  assert.equal(status, 200);
  assert.equal(echoed.sub, userId);
  assert.equal(echoed.method, "POST");
  assert.deepEqual(echoed.query, { text: "hello", n: "2" });
  assert.equal(JSON.parse(echoed.body).document, "중요한 회의록");
  const received = echoed.headers;
  assert.equal(received["content-type"], "application/json");
  assert.equal(received["x-request-id"], requestId, "the gateway's own request id, as its answer names it");
  for (const name of ["cookie", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "proxy-authorization", "x-api-key", "origin"])
    assert.ok(!(name in received), `${name} reached the service`);
  assert.ok(!JSON.stringify(received).includes(accessOf(client)), "the user's access token never reaches the service");
  const token = /^Bearer (.+)$/.exec(received.authorization ?? "")?.[1] ?? "";
  const header = decodeProtectedHeader(token);
  const claims = decodeJwt(token);
  assert.equal(header.typ, "at+jwt");
  assert.equal(header.kid, currentKey().kid);
  assert.equal(claims.aud, "ai");
  assert.equal(claims.iss, issuer());
  assert.equal(claims.sub, userId);
  assert.equal(claims.client_id, "tropical-gateway");
  assert.equal(claims.scope, "planner:read planner:write");
  assert.equal((claims.exp ?? 0) - (claims.iat ?? 0), 60);
  assert.equal(typeof claims.sid, "string");
});

test("a gateway token replayed to another service, or after its minute, is refused", async () => {
  const { client } = await signedInUser();
  const { echoed } = await echoThroughGateway(client);
  const token = /^Bearer (.+)$/.exec(echoed.headers.authorization ?? "")?.[1] ?? "";
  assert.equal((await callService(gatewayMode(), token)).status, 200, "good for the service it was minted for");
  assert.equal((await callService(directMode(), token)).status, 401, "not for a service of another audience");
  // Past its minute and the service's few seconds of clock leeway.
  const issued = Math.floor(Date.now() / 1000) - 70;
  const stale = await forgeToken(serviceClaims({ sub: echoed.sub, sid: decodeJwt(token).sid as string, iat: issued, exp: issued + 60 }), {
    ring: testEnv().TEST_AUTH_SIGNING_KEYS,
    header: { typ: "at+jwt" },
  });
  assert.equal((await callService(gatewayMode(), stale)).status, 401, "replayed after its minute");
  assert.equal((await activeOf(stale)).active, false);
});

test("a signed-out user gets 401 from the gateway, and nothing reaches the service", async () => {
  const { client } = await signedInUser();
  const access = accessOf(client);
  assert.equal((await client.post("/api/auth/logout")).status, 204);
  client.setCookie("ACCESS_TOKEN", access);
  const before = await requestsSeen(gatewayMode());
  const response = await client.request("/api/services/ai/summary");
  assert.equal(response.status, 401);
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, "UNAUTHENTICATED");
  assert.equal((await client.request("/api/services/ai/echo", { method: "POST", json: {} })).status, 401);
  assert.equal((await new Client().request("/api/services/ai/summary")).status, 401, "no cookie at all");
  assert.equal((await requestsSeen(gatewayMode())).requests, before.requests);
});

test("an unknown service is 404, and a write from another site is refused before it reaches the service", async () => {
  const { client } = await signedInUser();
  assert.equal((await client.request("/api/services/billing/summary")).status, 404);
  assert.equal((await client.request("/api/services/constructor/summary")).status, 404);
  const before = await requestsSeen(gatewayMode());
  const crossSite = await client.request("/api/services/ai/echo", { method: "POST", json: {}, headers: { origin: "https://evil.example" } });
  assert.equal(crossSite.status, 403);
  assert.equal(((await crossSite.json()) as { error: { code: string } }).error.code, "CROSS_SITE_REQUEST");
  assert.equal((await requestsSeen(gatewayMode())).requests, before.requests);
});

// Each attack as TropiCal's access cookie, and as a Bearer to the service in both modes.
async function attackTokens(payload: JWTPayload, typ: string): Promise<Record<string, string>> {
  const key = currentKey();
  const publicPem = createPublicKey({ key: jwkOf(key, false), format: "jwk" })
    .export({ type: "spki", format: "pem" })
    .toString();
  const stranger = await generateRingKey("ES256", "current", Math.floor(Date.now() / 1000));
  const strangerKey = await importJWK(jwkOf(stranger, true), "ES256");
  const strangerPublic = jwkOf(stranger, false);
  const ownKey = await importJWK(jwkOf(key, true), key.alg);
  const signed = (header: Record<string, unknown>, signingKey = ownKey, alg: string = key.alg) => new SignJWT(payload).setProtectedHeader({ alg, typ, ...header }).sign(signingKey);
  return {
    "HS256 keyed with the public key": await new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ, kid: key.kid }).sign(new TextEncoder().encode(publicPem)),
    "HS256 keyed with the public JWK": await new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ, kid: key.kid }).sign(new TextEncoder().encode(JSON.stringify(jwkOf(key, false)))),
    "unknown kid": await signed({ kid: stranger.kid }, strangerKey, "ES256"),
    "jku header": await signed({ kid: key.kid, jku: "https://evil.example/jwks.json" }),
    "x5u header": await signed({ kid: key.kid, x5u: "https://evil.example/cert.pem" }),
    "embedded jwk, the stranger's key": await signed({ kid: stranger.kid, jwk: strangerPublic }, strangerKey, "ES256"),
    "embedded jwk beside our kid": await signed({ kid: key.kid, jwk: jwkOf(key, false) }),
    "alg none": `${Buffer.from(JSON.stringify({ alg: "none", typ, kid: key.kid })).toString("base64url")}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.`,
  };
}

test("attacks are refused by TropiCal and by the Python service in both modes: algorithm confusion, unknown kid, jku/x5u/embedded jwk, none", async () => {
  const { client } = await signedInUser();
  const real = decodeJwt(accessOf(client));
  // The claims of a live session, so that nothing but the forgery itself is wrong.
  const access = await attackTokens({ ...real, jti: crypto.randomUUID() }, "JWT");
  const service = await attackTokens(serviceClaims({ sub: real.sub, sid: real.sid }), "at+jwt");
  assert.equal((await callService(directMode(), await forgeToken({ ...real, jti: crypto.randomUUID() }))).status, 200, "the same claims, honestly signed, pass");
  for (const [attack, token] of Object.entries(access)) {
    const thief = new Client();
    thief.setCookie("ACCESS_TOKEN", token);
    assert.equal((await thief.request("/api/auth/me")).status, 401, `TropiCal: ${attack}`);
    assert.equal((await callService(directMode(), token)).status, 401, `direct service: ${attack}`);
    assert.equal((await activeOf(token)).active, false, `introspection: ${attack}`);
  }
  for (const [attack, token] of Object.entries(service)) {
    assert.equal((await callService(gatewayMode(), token)).status, 401, `gateway service: ${attack}`);
    assert.equal((await activeOf(token)).active, false, `introspection: ${attack}`);
  }
  assert.equal((await callService(directMode(), unsignedToken(validClaims()))).status, 401, "none without a kid");
});

test("a storm of made-up kids makes the service fetch the JWKS once, not once per token", async () => {
  const { url, fetches } = await jwksProxy(() => `${base()}/.well-known/jwks.json`);
  const pipeline = await startPipeline({ AI_MODE: "direct", TROPICAL_JWKS_URL: url, JWKS_REFETCH_COOLDOWN_SECONDS: "60" });
  const { client } = await signedInUser();
  assert.equal((await callService(pipeline.url, accessOf(client))).status, 200);
  const stranger = await generateRingKey("ES256", "current", Math.floor(Date.now() / 1000));
  const strangerKey = await importJWK(jwkOf(stranger, true), "ES256");
  for (let index = 0; index < 25; index++) {
    const token = await new SignJWT(validClaims({ sid: crypto.randomUUID() })).setProtectedHeader({ alg: "ES256", typ: "JWT", kid: `made-up-${index}-${crypto.randomUUID()}` }).sign(strangerKey);
    assert.equal((await callService(pipeline.url, token)).status, 401);
  }
  assert.ok(fetches() <= 2, `the JWKS was fetched ${fetches()} times`);
});

// The JWKS a service sees, from whichever instance a test points it at: one origin in front of a
// rolling deploy. Counts the fetches.
async function jwksProxy(target: () => string): Promise<{ url: string; fetches: () => number }> {
  let count = 0;
  const server = createServer((_request, response) => {
    count++;
    void fetch(target()).then(async (answer) => {
      response.writeHead(answer.status, { "content-type": "application/jwk-set+json" });
      response.end(await answer.text());
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`, fetches: () => count };
}

async function startPipeline(env: Record<string, string>): Promise<AiPipeline> {
  const pipeline = await startAiPipeline(await findFreePort(), { TROPICAL_ISSUER: issuer(), SERVICE_NAME: "ai", ...env });
  pipelines.push(pipeline);
  return pipeline;
}

const waitPast = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 200));

test("a key rotation as the service sees it: the new kid accepted after a JWKS refresh, the old one until its key is removed, then refused", async () => {
  const now = Math.floor(Date.now() / 1000);
  const step = async (ring: string, at: number) => JSON.stringify((await rotateKeyRing(JSON.parse(ring), { now: at, alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
  const original = testEnv().TEST_AUTH_SIGNING_KEYS;
  const prepared = await step(original, now - 20 * 60);
  const promoted = await step(prepared, now);
  const final = await step(promoted, now + RETIRED_KEY_GRACE_SECONDS + 1);
  const ports = await Promise.all([findFreePort(), findFreePort(), findFreePort()]);
  const shared = { APP_URL: base(), ALLOWED_ORIGINS: ports.map((port) => `http://127.0.0.1:${port}`).join(",") };
  const [onPrepared, onPromoted, onFinal] = await Promise.all(
    [prepared, promoted, final].map((ring, index) => startApp("next start", { ...shared, PORT: String(ports[index]), AUTH_SIGNING_KEYS: ring })),
  );
  let live = base();
  const { url } = await jwksProxy(() => `${live}/.well-known/jwks.json`);
  const pipeline = await startPipeline({ AI_MODE: "direct", TROPICAL_JWKS_URL: url, JWKS_CACHE_SECONDS: "1", JWKS_REFETCH_COOLDOWN_SECONDS: "1" });

  const { client } = await signedInUser();
  const oldToken = accessOf(client);
  assert.equal((await callService(pipeline.url, oldToken)).status, 200, "before the rotation");

  live = String(onPrepared);
  await waitPast(1);
  assert.equal((await callService(pipeline.url, oldToken)).status, 200, "the next key published beside the current one");

  // The promoted instance signs with the new key: a refresh there hands the browser a token of the new kid.
  const atPromoted = client.at(String(onPromoted));
  assert.equal((await atPromoted.request("/api/auth/token/refresh", { method: "POST" })).status, 200);
  const newToken = accessOf(atPromoted);
  assert.notEqual(decodeProtectedHeader(newToken).kid, decodeProtectedHeader(oldToken).kid);
  await waitPast(1);
  assert.equal((await callService(pipeline.url, newToken)).status, 200, "the new kid, after the service refreshed its JWKS");

  live = String(onPromoted);
  await waitPast(1);
  assert.equal((await callService(pipeline.url, oldToken)).status, 200, "the retired key verifies within its grace");
  assert.equal((await callService(pipeline.url, newToken)).status, 200);

  live = String(onFinal);
  await waitPast(1);
  assert.equal((await callService(pipeline.url, oldToken)).status, 401, "the removed key's token, at the service");
  const thief = new Client(undefined, String(onFinal));
  thief.setCookie("ACCESS_TOKEN", oldToken);
  assert.equal((await thief.request("/api/auth/me")).status, 401, "and at TropiCal");
  assert.equal((await callService(pipeline.url, newToken)).status, 200);
});

test("introspection: active for a live session's access token with its claims, inactive right after logout", async () => {
  const { client } = await signedInUser();
  const access = accessOf(client);
  const claims = decodeJwt(access);
  const answer = await activeOf(access);
  assert.deepEqual(answer, {
    active: true,
    sub: claims.sub,
    sid: claims.sid,
    scope: "planner:read planner:write",
    aud: "tropical-web",
    iss: issuer(),
    exp: claims.exp,
    iat: claims.iat,
    client_id: "tropical-web",
    token_type: "Bearer",
  });
  const { echoed } = await echoThroughGateway(client);
  const gatewayToken = /^Bearer (.+)$/.exec(echoed.headers.authorization ?? "")?.[1] ?? "";
  assert.equal((await activeOf(gatewayToken)).active, true);
  assert.equal((await activeOf(gatewayToken)).aud, "ai");
  assert.equal((await client.post("/api/auth/logout")).status, 204);
  assert.deepEqual(await activeOf(access), { active: false });
  assert.deepEqual(await activeOf(gatewayToken), { active: false });
});

test("a service that introspects refuses a gateway token the moment its session ends, while the signature is still good", async () => {
  const pipeline = await startPipeline({ AI_MODE: "gateway", TROPICAL_INTROSPECTION: "on", SERVICE_SECRET: testEnv().TEST_SERVICE_SECRET });
  const { client } = await signedInUser();
  const { echoed } = await echoThroughGateway(client);
  const token = /^Bearer (.+)$/.exec(echoed.headers.authorization ?? "")?.[1] ?? "";
  assert.equal((await callService(pipeline.url, token)).status, 200);
  assert.equal((await client.post("/api/auth/logout")).status, 204);
  assert.equal((await callService(pipeline.url, token)).status, 401, "introspecting: refused at once");
  assert.equal((await callService(gatewayMode(), token)).status, 200, "not introspecting: accepted until its minute is up");
});

test("introspection: a service token for another service's audience is inactive to this one", async () => {
  const { client } = await signedInUser();
  const live = decodeJwt(accessOf(client));
  const forAi = await forgeToken(serviceClaims({ sub: live.sub, sid: live.sid }), { ring: testEnv().TEST_AUTH_SIGNING_KEYS, header: { typ: "at+jwt" } });
  const forOther = await forgeToken(serviceClaims({ sub: live.sub, sid: live.sid, aud: "billing" }), { ring: testEnv().TEST_AUTH_SIGNING_KEYS, header: { typ: "at+jwt" } });
  assert.equal((await activeOf(forAi)).active, true);
  assert.deepEqual(await activeOf(forOther), { active: false });
  assert.deepEqual(await activeOf("not a token"), { active: false });
});

test("introspection refuses a wrong secret, an unknown client and none with 401; it takes no browser's Origin", async () => {
  const { client } = await signedInUser();
  const access = accessOf(client);
  for (const credentials of [`ai:${testEnv().TEST_SERVICE_SECRET}x`, `billing:${testEnv().TEST_SERVICE_SECRET}`, "ai:"]) {
    const response = await introspect(access, credentials);
    assert.equal(response.status, 401, credentials.split(":")[0]);
    assert.equal(response.headers.get("www-authenticate"), 'Basic realm="introspection"');
  }
  const anonymous = await fetch(`${base()}/api/auth/introspect`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${access}` });
  assert.equal(anonymous.status, 401);
  // A browser's cookies are no credential here: a request with them and no service secret is refused.
  const fromBrowser = await client.postForm("/api/auth/introspect", { token: access });
  assert.equal(fromBrowser.status, 401);
});

// A stand-in service that misbehaves on purpose, behind an instance of its own with a short timeout.
test("the gateway drops the service's cookies and hop-by-hop headers, keeps its answer from running as a page, and answers 504 for a slow service and 502 for an absent one", async () => {
  const seen: { url: string; headers: IncomingMessage["headers"] }[] = [];
  const stub = createServer((request, response) => {
    seen.push({ url: request.url ?? "", headers: request.headers });
    if (request.url?.startsWith("/base/slow")) return;
    response.writeHead(200, {
      "content-type": "text/html",
      "set-cookie": "ACCESS_TOKEN=from-the-service; Path=/",
      connection: "x-internal",
      "x-internal": "hop",
      "x-powered-by": "the service's stack",
      location: "http://10.0.0.7/internal",
    });
    response.end("<script>alert(document.cookie)</script>");
  });
  servers.push(stub);
  await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
  const closedPort = await findFreePort();
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  await startApp("next start", {
    APP_URL: base(),
    ALLOWED_ORIGINS: url,
    PORT: String(port),
    SERVICES: `stub=http://127.0.0.1:${(stub.address() as AddressInfo).port}/base,down=http://127.0.0.1:${closedPort}`,
    SERVICE_TIMEOUT_MS: "1000",
  });
  const { client } = await signedInUser();
  const there = client.at(url);

  const answer = await there.request("/api/services/stub/page/a%2Fb?q=1");
  assert.equal(answer.status, 200);
  assert.equal(seen.at(-1)?.url, "/base/page/a%2Fb?q=1");
  assert.equal(answer.headers.get("set-cookie"), null);
  for (const name of ["x-internal", "x-powered-by", "location"]) assert.equal(answer.headers.get(name), null, name);
  assert.match(answer.headers.get("content-security-policy") ?? "", /^default-src 'none';/, "the service's HTML cannot run scripts on the app's origin");
  assert.equal(answer.headers.get("x-content-type-options"), "nosniff");
  assert.equal(answer.headers.get("cache-control"), "no-store");
  assert.equal(accessOf(there), accessOf(client), "the browser's session cookie is untouched");

  const count = seen.length;
  // Sent as written: fetch would resolve the dots itself before they left the client.
  const climb = await new Promise<number>((resolve, reject) => {
    const cookie = there.cookieHeader("/api/services/stub/x");
    const request = httpRequest({ host: "127.0.0.1", port, path: "/api/services/stub/%2e%2e/%2E%2E/secret", headers: { cookie, "x-forwarded-for": there.address } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    request.end();
  });
  assert.equal(climb, 404, "no climbing out of the service's prefix");
  const tooLarge = await there.request("/api/services/stub/upload", { method: "POST", body: "x".repeat(1024 * 1024 + 1), headers: { "content-type": "text/plain" } });
  assert.equal(tooLarge.status, 413);
  assert.equal(seen.length, count, "neither reached the service");

  const started = Date.now();
  const slow = await there.request("/api/services/stub/slow");
  assert.equal(slow.status, 504);
  assert.equal(((await slow.json()) as { error: { code: string } }).error.code, "SERVICE_TIMEOUT");
  assert.ok(Date.now() - started < 5_000);
  const down = await there.request("/api/services/down/summary");
  assert.equal(down.status, 502);
  assert.equal(((await down.json()) as { error: { code: string } }).error.code, "SERVICE_UNREACHABLE");
});
