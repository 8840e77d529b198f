// A production topology on loopback, from what a container image runs and Debian's packages:
// one PostgreSQL (a database of its own on the stack's server), PgBouncer in transaction mode,
// N standalone servers (.next/standalone/server.js, as the Dockerfile's CMD) and nginx in front
// with deploy/nginx/tropical.conf. Every process it starts is stopped by its id.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { findFreePort, startMailCatcher, type RunningService } from "../../scripts/services";
import { stopProcess } from "../../scripts/test-stack";
import { createScratchDatabase } from "./db";
import { testEnv } from "./env";
import { listening, startPgBouncer } from "./pooler";

export const NGINX = "/usr/sbin/nginx";
const STANDALONE = path.join(process.cwd(), ".next", "standalone");

export interface Instance {
  url: string;
  // Its address as the balancer names it in X-Upstream.
  upstream: string;
  child: ChildProcess;
}

// The image's release step: `node migrate.mjs` from the standalone output.
export function runRelease(directUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["migrate.mjs"], { cwd: STANDALONE, env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", DIRECT_DATABASE_URL: directUrl } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

// `extraEnv` is asked for the instances' further settings once the balancer's URL is known (a local
// provider stand-in must know where to send the browser back to).
export async function startCluster(name: string, instances = 2, extraEnv: (url: string) => Promise<Record<string, string>> = async () => ({})) {
  const dir = path.join(process.cwd(), ".test-data", `cluster-${name}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const processes: ChildProcess[] = [];
  const services: RunningService[] = [];
  const database = await createScratchDatabase(`cluster_${name}`);
  // The mail catcher is replaced when SMTP comes back (startMail), so the current one is stopped last.
  let catcher: RunningService | undefined;
  const stop = async () => {
    for (const child of processes.reverse()) await stopProcess(child);
    for (const service of services.reverse()) await service.stop().catch(() => {});
    await catcher?.stop().catch(() => {});
    await database.drop().catch(() => {});
  };
  try {
    const releases = await Promise.all([runRelease(database.url), runRelease(database.url)]);
    const mailDir = path.join(dir, "mail");
    catcher = await startMailCatcher(mailDir);
    const mailPort = Number(new URL(catcher.url).port);
    const pooler = await startPgBouncer(testEnv().TEST_DATABASE_URL, path.join(dir, "pgbouncer"), 6);
    services.push(pooler);
    const pooled = new URL(database.url);
    pooled.port = new URL(pooler.url).port;
    const balancerPort = await findFreePort();
    const url = `http://127.0.0.1:${balancerPort}`;
    const cronSecret = randomBytes(24).toString("base64url");
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      APP_URL: url,
      DATABASE_URL: pooled.toString(),
      DATABASE_POOL_SIZE: "3",
      AUTH_SECRET: testEnv().TEST_AUTH_SECRET,
      AUTH_SIGNING_KEYS: testEnv().TEST_AUTH_SIGNING_KEYS,
      SMTP_URL: catcher.url,
      CLIENT_IP_HEADER: "x-real-ip",
      CRON_SECRET: cronSecret,
      ...(await extraEnv(url)),
    };
    const started: Instance[] = [];
    for (let index = 0; index < instances; index++) {
      const port = await findFreePort();
      const child = spawn(process.execPath, ["server.js"], { cwd: STANDALONE, env: { ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "ignore"] });
      processes.push(child);
      started.push({ url: `http://127.0.0.1:${port}`, upstream: `127.0.0.1:${port}`, child });
    }
    for (const instance of started) {
      const deadline = Date.now() + 60_000;
      while (
        !(await fetch(`${instance.url}/api/health`).then(
          (response) => response.ok,
          () => false,
        ))
      ) {
        if (instance.child.exitCode !== null || Date.now() > deadline) throw new Error(`instance ${instance.url} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    // The test's own outer config; the location rules are the deployed file itself.
    await chmod(dir, 0o777);
    const config = path.join(dir, "nginx.conf");
    await writeFile(
      config,
      `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  upstream tropical {
${started.map((instance) => `    server ${instance.upstream} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${balancerPort};
    # Which instance answered, for the assertions only.
    add_header X-Upstream $upstream_addr always;
    include ${path.join(process.cwd(), "deploy", "nginx", "tropical.conf")};
  }
}
`,
    );
    const checked = spawnSync(NGINX, ["-t", "-e", path.join(dir, "nginx-error.log"), "-c", config], { encoding: "utf8" });
    if (checked.status !== 0) throw new Error(`nginx refused its config: ${checked.stderr}`);
    const nginx = spawn(NGINX, ["-e", path.join(dir, "nginx-error.log"), "-c", config], { stdio: "ignore" });
    processes.push(nginx);
    const deadline = Date.now() + 10_000;
    while (!(await listening(balancerPort))) {
      if (nginx.exitCode !== null || Date.now() > deadline) throw new Error("nginx did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      url,
      instances: started,
      releases,
      directUrl: database.url,
      mailDir,
      cronSecret,
      stop,
      // SMTP gone and back on the same address.
      stopMail: async () => {
        await catcher?.stop();
        catcher = undefined;
      },
      startMail: async () => {
        catcher = await startMailCatcher(mailDir, mailPort);
      },
      kill: (instance: Instance) => stopProcess(instance.child, "SIGKILL"),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
