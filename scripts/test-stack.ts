// What the integration, security and end-to-end tests run against: the production build served by
// `next start`, on a fresh embedded PostgreSQL and a real SMTP catcher, all on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { rotateKeyRing } from "../lib/auth/key-ring";
import type { SamlKeyPair } from "../lib/auth/sso/saml-keys";
import { RETIRED_KEY_GRACE_SECONDS } from "../lib/auth/tokens";
import webpush from "web-push";
import { startAiPipeline, type AiPipeline } from "./ai-pipeline";
import { applyMigrations } from "./migrate";
import { startDnsServer } from "./dns-server";
import { startSamlIdp } from "./saml-idp";
import { generateSamlKeyPair } from "./saml-keys";
import { localCompanyIdp, startOAuthProviders } from "./oauth-providers";
import { seedSampleSamlConnection, seedSampleSsoConnection } from "./sso-seed";
import { findFreePort, startEmbeddedPostgres, startMailCatcher } from "./services";

export const TEST_DATA_DIR = path.join(process.cwd(), ".test-data");

export interface TestStack {
  baseUrl: string;
  databaseUrl: string;
  // The local Google, Kakao and Naver stand-ins and the company OpenID provider (scripts/oauth-providers.ts).
  oauthUrl: string;
  // The local SAML IdP (scripts/saml-idp.ts), its signing key pair (for tests that forge what it would
  // send), and the app's SP key pair.
  samlIdpUrl: string;
  // The folder the stack's DNS server answers TXT questions from (scripts/dns-server.ts).
  dnsZoneDir: string;
  samlIdpKeys: SamlKeyPair;
  samlSpKeys: SamlKeyPair;
  // The company provider's issuer; the stack seeds a connection to it for example.test (scripts/sso-seed.ts).
  oidcIssuer: string;
  mailDir: string;
  // The SMTP catcher, for a test's own processes that send mail.
  smtpUrl: string;
  authSecret: string;
  // The key ring the stack's app signs with, private parts included, for tests that mint tokens.
  signingKeys: string;
  metricsToken: string;
  cronSecret: string;
  // The app's VAPID key pair: push is on, and a test may subscribe a stand-in push service on
  // http://127.0.0.1 (PUSH_LOOPBACK_ENDPOINTS).
  vapid: { publicKey: string; privateKey: string };
  // The example resource server (examples/ai-pipeline) in both models: behind the gateway as the
  // service "ai" (aud=ai tokens), and called directly with access tokens; and the secret "ai"
  // introspects with.
  aiGatewayUrl: string;
  aiDirectUrl: string;
  serviceSecret: string;
  stop: () => Promise<void>;
  // For the resilience tests: take one part down and bring it back on the same address.
  stopDatabase: () => Promise<void>;
  startDatabase: () => Promise<void>;
  stopMail: () => Promise<void>;
  startMail: () => Promise<void>;
  restartApp: () => Promise<void>;
  // Another build of the app (the benchmarks' variants) on the same database, mail and secret.
  startAppFrom: (appDir: string) => Promise<{ baseUrl: string; stop: () => Promise<void> }>;
}

// The app's server process (or, for the benchmarks' peer apps, `args` of another server); on one
// core when asked, so that a load generator on another core does not compete with it.
export function spawnApp(env: NodeJS.ProcessEnv, cwd: string, cpu: number | undefined, args = ["--import", "tsx", "server.ts"]): ChildProcess {
  const options = { env, cwd, stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"] };
  return cpu === undefined ? spawn(process.execPath, args, options) : spawn("taskset", ["-c", String(cpu), process.execPath, ...args], options);
}

// Stops a process the tests started, by its id: `signal` first, SIGKILL if it has not gone in 5 s.
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

// `pathname`: a server without TropiCal's health route (the benchmarks' bare Next.js page) is ready when its page answers.
export async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000, pathname = "/api/health"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode} before it was ready`);
    const healthy = await fetch(`${url}${pathname}`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer ${url}${pathname} within ${timeoutMs / 1000} s`);
}

// `env` is laid over the app's environment (a suite that needs another SMTP server or lease).
export async function startTestStack(options: { port?: number; dir?: string; cpu?: number; env?: Record<string, string> } = {}): Promise<TestStack> {
  const dir = options.dir ?? TEST_DATA_DIR;
  await rm(dir, { recursive: true, force: true });
  let postgres = await startEmbeddedPostgres(path.join(dir, "postgres"));
  const databasePort = Number(new URL(postgres.url).port);
  await applyMigrations(postgres.url, () => {});
  const mailDir = path.join(dir, "mail");
  let catcher = await startMailCatcher(mailDir);
  const mailPort = Number(new URL(catcher.url).port);

  const appPort = options.port ?? (await findFreePort());
  const baseUrl = `http://localhost:${appPort}`;
  const providers = await startOAuthProviders(baseUrl);
  const samlSpKeys = await generateSamlKeyPair("TropiCal SP (test stack)");
  const samlIdp = await startSamlIdp(baseUrl, samlSpKeys.certificate);
  const dns = await startDnsServer(path.join(dir, "dns"));
  const authSecret = randomBytes(32).toString("base64url");
  await seedSampleSsoConnection(postgres.url, authSecret, providers.url);
  await seedSampleSamlConnection(postgres.url, samlIdp);
  const signingKeys = JSON.stringify((await rotateKeyRing(null, { now: Math.floor(Date.now() / 1000), alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);
  const metricsToken = randomBytes(24).toString("base64url");
  const cronSecret = randomBytes(24).toString("base64url");
  const vapid = webpush.generateVAPIDKeys();
  const serviceSecret = randomBytes(24).toString("base64url");
  const [aiGatewayPort, aiDirectPort] = [await findFreePort(), await findFreePort()];
  const log = createWriteStream(path.join(dir, "app.log"), { flags: "a" });
  // Every app process pipes its stdout and stderr here, each pipe a few listeners: the benchmarks'
  // six servers pass Node's default warning level of ten without leaking anything.
  log.setMaxListeners(64);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    // As if behind one proxy: each test client names its own address in X-Forwarded-For, so
    // per-address limits never leak from one test into another (tests/helpers/http.ts).
    TRUSTED_PROXY_HOPS: "1",
    COUNTRY_HEADER: "x-test-country",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(appPort),
    APP_URL: baseUrl,
    DATABASE_URL: postgres.url,
    SMTP_URL: catcher.url,
    AUTH_SECRET: authSecret,
    AUTH_SIGNING_KEYS: signingKeys,
    METRICS_TOKEN: metricsToken,
    CRON_SECRET: cronSecret,
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: "mailto:push@tropical.test",
    PUSH_LOOPBACK_ENDPOINTS: "on",
    SSO_LOOPBACK_ISSUERS: "on",
    SERVICES: `ai=http://127.0.0.1:${aiGatewayPort}`,
    SERVICE_SECRETS: `ai:${serviceSecret}`,
    SAML_SP_PRIVATE_KEY: samlSpKeys.privateKey,
    SAML_SP_CERTIFICATE: samlSpKeys.certificate,
    SAML_LOOPBACK_METADATA: "on",
    SSO_DNS_SERVERS: dns.address,
    ...providers.env,
    ...options.env,
  };

  // An app server of `appDir`'s build, logging here, once it answers its health check.
  const launchApp = async (appEnv: NodeJS.ProcessEnv, appDir: string, url: string): Promise<ChildProcess> => {
    const child = spawnApp(appEnv, appDir, options.cpu);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    try {
      await waitForHealth(url, child);
    } catch (error) {
      await stopProcess(child);
      throw error;
    }
    return child;
  };
  // Unset until the first start succeeds (launchApp stops a server that never became healthy).
  let server: ChildProcess | undefined;
  const startApp = async () => {
    server = await launchApp(env, process.cwd(), baseUrl);
  };
  const stopApp = async () => {
    if (server) await stopProcess(server);
  };
  const pipelines: AiPipeline[] = [];
  const stop = async () => {
    for (const pipeline of pipelines) await stopProcess(pipeline.child);
    await stopApp();
    await catcher.stop().catch(() => {});
    await providers.stop().catch(() => {});
    await samlIdp.stop().catch(() => {});
    await dns.stop().catch(() => {});
    await postgres.stop().catch(() => {});
  };
  try {
    await startApp();
    // After the app: each discovers the JWKS from the app's issuer metadata as it starts, within a
    // few seconds; the routes' first answers (code loaded on first use) are asked for here first.
    const issuer = new URL(baseUrl).origin;
    for (const route of ["/.well-known/oauth-authorization-server", "/.well-known/jwks.json"]) await fetch(`${baseUrl}${route}`).then((response) => response.arrayBuffer());
    const common = { TROPICAL_ISSUER: issuer, SERVICE_NAME: "ai", ECHO_ENDPOINT: "on" };
    pipelines.push(await startAiPipeline(aiGatewayPort, { ...common, AI_MODE: "gateway" }, log));
    pipelines.push(await startAiPipeline(aiDirectPort, { ...common, AI_MODE: "direct" }, log));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    databaseUrl: postgres.url,
    oauthUrl: providers.url,
    samlIdpUrl: samlIdp.url,
    dnsZoneDir: dns.zoneDir,
    samlIdpKeys: samlIdp.keys,
    samlSpKeys,
    oidcIssuer: localCompanyIdp(providers.url).issuer,
    mailDir,
    smtpUrl: catcher.url,
    authSecret,
    signingKeys,
    metricsToken,
    cronSecret,
    vapid,
    aiGatewayUrl: `http://127.0.0.1:${aiGatewayPort}`,
    aiDirectUrl: `http://127.0.0.1:${aiDirectPort}`,
    serviceSecret,
    stop,
    stopDatabase: () => postgres.stop(),
    startDatabase: async () => {
      postgres = await startEmbeddedPostgres(path.join(dir, "postgres"), () => {}, databasePort);
    },
    stopMail: () => catcher.stop(),
    startMail: async () => {
      catcher = await startMailCatcher(mailDir, mailPort);
    },
    restartApp: async () => {
      await stopApp();
      await startApp();
    },
    startAppFrom: async (appDir) => {
      const port = await findFreePort();
      const url = `http://localhost:${port}`;
      // Another server of the same app, as behind a load balancer: the stack's origin stays the
      // tokens' issuer, so a session from one server passes on the other, and writes sent to this
      // server's own address pass the same-origin check.
      const allowed = [env.ALLOWED_ORIGINS, url].filter(Boolean).join(",");
      const child = await launchApp({ ...env, PORT: String(port), ALLOWED_ORIGINS: allowed }, appDir, url);
      return { baseUrl: url, stop: () => stopProcess(child) };
    },
  };
}

export function stackEnv(stack: TestStack): Record<string, string> {
  return {
    TEST_BASE_URL: stack.baseUrl,
    TEST_DATABASE_URL: stack.databaseUrl,
    TEST_MAIL_DIR: stack.mailDir,
    TEST_AUTH_SECRET: stack.authSecret,
    TEST_AUTH_SIGNING_KEYS: stack.signingKeys,
    TEST_METRICS_TOKEN: stack.metricsToken,
    TEST_CRON_SECRET: stack.cronSecret,
    TEST_OAUTH_URL: stack.oauthUrl,
    TEST_SAML_IDP_URL: stack.samlIdpUrl,
    TEST_DNS_ZONE_DIR: stack.dnsZoneDir,
    TEST_SAML_IDP_PRIVATE_KEY: stack.samlIdpKeys.privateKey,
    TEST_SAML_IDP_CERTIFICATE: stack.samlIdpKeys.certificate,
    TEST_SAML_SP_PRIVATE_KEY: stack.samlSpKeys.privateKey,
    TEST_SAML_SP_CERTIFICATE: stack.samlSpKeys.certificate,
    TEST_OIDC_ISSUER: stack.oidcIssuer,
    TEST_SMTP_URL: stack.smtpUrl,
    TEST_VAPID_PUBLIC_KEY: stack.vapid.publicKey,
    TEST_VAPID_PRIVATE_KEY: stack.vapid.privateKey,
    TEST_AI_GATEWAY_URL: stack.aiGatewayUrl,
    TEST_AI_DIRECT_URL: stack.aiDirectUrl,
    TEST_SERVICE_SECRET: stack.serviceSecret,
  };
}

// `tsx scripts/test-stack.ts [port]`: serve the stack until interrupted (Playwright's webServer uses this).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const stack = await startTestStack({ port: process.argv[2] ? Number(process.argv[2]) : undefined });
  console.log(`test stack ready at ${stack.baseUrl}`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
