// PgBouncer from Debian's package (installed by .ci/run), in transaction mode as hosted poolers run:
// each transaction may land on a different server connection.
import { spawn } from "node:child_process";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { findFreePort, type RunningService } from "../../scripts/services";

export const PGBOUNCER = "/usr/sbin/pgbouncer";

// Whether something accepts connections on the loopback port.
export async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

// `target` is a postgresql:// URL of the real server; the answer's url is the same database
// through the pooler. `serverConnections` is its pool per database: small, as hosted poolers are.
export async function startPgBouncer(target: string, dir: string, serverConnections = 4): Promise<RunningService> {
  const server = new URL(target);
  const port = await findFreePort();
  await mkdir(dir, { recursive: true });
  // It drops root to the postgres user the embedded server already runs as.
  await chmod(dir, 0o777);
  const config = path.join(dir, "pgbouncer.ini");
  // The deployed configuration (docker-compose.yml's pooler), on a loopback port of its own.
  const template = await readFile(path.join(process.cwd(), "deploy", "pgbouncer", "pgbouncer.ini.template"), "utf8");
  const values: Record<string, string> = {
    DB_HOST: server.hostname,
    DB_PORT: server.port,
    DB_USER: decodeURIComponent(server.username),
    DB_PASSWORD: decodeURIComponent(server.password),
    POOL_SIZE: String(serverConnections),
  };
  const rendered = template
    .replace(/\$\{(\w+)\}/g, (_, name: string) => values[name] ?? "")
    .replace("listen_addr = 0.0.0.0", "listen_addr = 127.0.0.1")
    .replace("listen_port = 6432", `listen_port = ${port}`);
  await writeFile(config, `${rendered}logfile = ${path.join(dir, "pgbouncer.log")}\n`, { mode: 0o644 });
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER, asRoot ? ["-u", "postgres", config] : [config], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`pgbouncer did not start (see ${path.join(dir, "pgbouncer.log")})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = new URL(target);
  url.port = String(port);
  return {
    url: url.toString(),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
