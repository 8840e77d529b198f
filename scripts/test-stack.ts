// What the integration, security and end-to-end tests run against: the production build served by
// `next start`, on a fresh embedded PostgreSQL and a real SMTP catcher, all on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { applyMigrations } from "./migrate";
import { findFreePort, startEmbeddedPostgres, startMailCatcher, type RunningService } from "./services";

export const TEST_DATA_DIR = path.join(process.cwd(), ".test-data");

export interface TestStack {
  baseUrl: string;
  databaseUrl: string;
  mailDir: string;
  authSecret: string;
  metricsToken: string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode} before it was ready`);
    const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

export async function startTestStack(port?: number): Promise<TestStack> {
  await rm(TEST_DATA_DIR, { recursive: true, force: true });
  const services: RunningService[] = [];
  const postgres = await startEmbeddedPostgres(path.join(TEST_DATA_DIR, "postgres"));
  services.push(postgres);
  await applyMigrations(postgres.url, () => {});
  const mailDir = path.join(TEST_DATA_DIR, "mail");
  const catcher = await startMailCatcher(mailDir);
  services.push(catcher);

  const appPort = port ?? (await findFreePort());
  const baseUrl = `http://localhost:${appPort}`;
  const authSecret = randomBytes(32).toString("base64url");
  const metricsToken = randomBytes(24).toString("base64url");
  const logFile = path.join(TEST_DATA_DIR, "app.log");
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
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
      METRICS_TOKEN: metricsToken,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null) server.kill("SIGKILL");
    }
    for (const service of services.reverse()) await service.stop().catch(() => {});
  };
  try {
    await waitForHealth(baseUrl, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, databaseUrl: postgres.url, mailDir, authSecret, metricsToken, stop };
}

export function stackEnv(stack: TestStack): Record<string, string> {
  return {
    TEST_BASE_URL: stack.baseUrl,
    TEST_DATABASE_URL: stack.databaseUrl,
    TEST_MAIL_DIR: stack.mailDir,
    TEST_AUTH_SECRET: stack.authSecret,
    TEST_METRICS_TOKEN: stack.metricsToken,
  };
}

// `tsx scripts/test-stack.ts [port]`: serve the stack until interrupted (Playwright's webServer uses this).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const stack = await startTestStack(process.argv[2] ? Number(process.argv[2]) : undefined);
  console.log(`test stack ready at ${stack.baseUrl}`);
  const shutdown = () => void stack.stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
