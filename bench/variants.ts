// Builds of TropiCal with one thing changed (no middleware, an empty one, no revocation check) and a
// bare Next.js app, each in a folder of its own, so that a cost is measured as a ratio against a real
// build without it — never through a production switch that turns a check off. The folders live
// outside the checkout: inside it, Next would take the checkout as the project root and build that.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../scripts/services";
import { spawnApp, stopProcess, waitForHealth } from "../scripts/test-stack";

export const BENCH_DIR = path.join(os.tmpdir(), "tropical-bench");

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} in ${cwd} failed:\n${output.slice(-3000)}`))));
  });
}

// node_modules is hard-linked, not copied or symlinked: fast, and Turbopack sees a real folder.
export async function linkModules(dir: string, from = path.join(process.cwd(), "node_modules")): Promise<void> {
  const linked = spawnSync("cp", ["-al", from, path.join(dir, "node_modules")]);
  if (linked.status !== 0) throw new Error(`could not link node_modules into ${dir}: ${linked.stderr.toString()}`);
}

// Next 16 takes a middleware or a proxy from any of these.
const MIDDLEWARE_FILES = ["middleware.ts", "middleware.js", "proxy.ts", "proxy.js"];

export async function build(dir: string): Promise<void> {
  await run(process.execPath, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "build"], dir);
  // The build must be of this folder: a middleware exactly when this folder has one. An Edge one is
  // listed in the middleware manifest, a Node.js one (a proxy) among the functions.
  const server = path.join(dir, ".next", "server");
  const edge = JSON.parse(await readFile(path.join(server, "middleware-manifest.json"), "utf8")) as { middleware: Record<string, unknown> };
  const functions = path.join(server, "functions-config-manifest.json");
  const node = existsSync(functions) && "/_middleware" in (JSON.parse(await readFile(functions, "utf8")) as { functions: Record<string, unknown> }).functions;
  const built = Object.keys(edge.middleware).length > 0 || node;
  if (built !== MIDDLEWARE_FILES.some((file) => existsSync(path.join(dir, file)))) throw new Error(`${dir} was not built from its own files (middleware ${built ? "present" : "missing"})`);
}

// The app as committed plus uncommitted work (what git would add), with `change` applied, built.
export async function buildVariant(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(BENCH_DIR, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const listed = spawnSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { encoding: "utf8" });
  if (listed.status !== 0) throw new Error("git ls-files failed: the bench needs a git checkout");
  const files = listed.stdout.split("\0").filter((file) => file && !file.startsWith("bench/"));
  for (const file of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await cp(file, path.join(dir, file)).catch((error: NodeJS.ErrnoException) => {
      // A file deleted in the working tree but still tracked.
      if (error.code !== "ENOENT") throw error;
    });
  }
  await cp(path.join("lib", "generated"), path.join(dir, "lib", "generated"), { recursive: true });
  await linkModules(dir);
  await change(dir);
  await build(dir);
  return dir;
}

// Replaces `from` by `to` in one file of a variant, refusing to go on if `from` is not there (the
// variant would silently measure the real thing).
export async function replaceIn(dir: string, file: string, from: string, to: string): Promise<void> {
  const full = path.join(dir, file);
  const text = await readFile(full, "utf8");
  if (!text.includes(from)) throw new Error(`${file} no longer contains the text the bench variant replaces: ${from}`);
  await writeFile(full, text.replace(from, to));
}

// A middleware that only calls next(), with the real one's matcher.
export async function emptyMiddleware(dir: string): Promise<void> {
  const real = await readFile(path.join(dir, "middleware.ts"), "utf8");
  const config = /export const config = \{[\s\S]*?\n\};/.exec(real)?.[0];
  if (!config) throw new Error("middleware.ts has no `export const config` block to copy");
  await writeFile(path.join(dir, "middleware.ts"), `import { NextResponse } from "next/server";\n\nexport function middleware(): NextResponse {\n  return NextResponse.next();\n}\n\n${config}\n`);
}

// The login route cut down to its password check: the same server, middleware, origin check and body
// parsing around one argon2id verify, and no database. What no login can go below on this machine.
export async function passwordCheckOnlyLogin(dir: string): Promise<void> {
  const route = path.join(dir, "app", "api", "auth", "login", "route.ts");
  if (!(await readFile(route, "utf8")).includes("export const POST = route(")) throw new Error("the login route no longer has the shape the bench variant replaces");
  // The same builder (same-origin check, body parsing, errors) without the per-address limit.
  await writeFile(
    route,
    [
      'import { verifyPassword } from "@/lib/auth/password-hashing";',
      'import { json, route } from "@/lib/http/route";',
      'import { loginSchema } from "@/lib/validations/auth";',
      "",
      'export const POST = route({ auth: "none", body: loginSchema }, async ({ body }) => json({ matches: await verifyPassword(undefined, body.password) }));',
      "",
    ].join("\n"),
  );
}

// TropiCal's side of the comparison with its peers (bench/peers.ts): one route doing what theirs do,
// answering the user's id, through the builder every signed-in route uses.
export async function pingRoute(dir: string): Promise<void> {
  const route = path.join(dir, "app", "api", "ping", "route.ts");
  if (existsSync(route)) throw new Error("app/api/ping exists: the bench variant would replace a real route");
  await mkdir(path.dirname(route), { recursive: true });
  await writeFile(route, 'import { json, route } from "@/lib/http/route";\n\nexport const GET = route({ auth: "user" }, async ({ user }) => json({ id: user.id }));\n');
}

// The smallest App Router app with the same Next.js, for the JavaScript every page pays anyway.
export async function buildBareNext(): Promise<string> {
  const dir = path.join(BENCH_DIR, "bare-next");
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "app"), { recursive: true });
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: "bare-next", private: true, type: "module" }));
  await writeFile(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "esnext"],
        module: "esnext",
        moduleResolution: "bundler",
        jsx: "react-jsx",
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        isolatedModules: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
      exclude: ["node_modules"],
    }),
  );
  await writeFile(
    path.join(dir, "app", "layout.tsx"),
    `export default function Layout({ children }: { children: React.ReactNode }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`,
  );
  await writeFile(path.join(dir, "app", "page.tsx"), `export default function Page() {\n  return <h1>Hello</h1>;\n}\n`);
  await linkModules(dir);
  await build(dir);
  return dir;
}

// The bare page served by `next start`, on the app servers' core.
export async function startBareNext(dir: string, cpu: number | undefined): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  const server = spawnApp(env, dir, cpu, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "start", "--hostname", "127.0.0.1", "--port", String(port)]);
  const log = createWriteStream(path.join(dir, "server.log"));
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  try {
    await waitForHealth(baseUrl, server, 60_000, "/");
    return { baseUrl, stop: () => stopProcess(server) };
  } catch (error) {
    await stopProcess(server);
    throw new Error(`the bare Next.js page did not start (see ${path.join(dir, "server.log")})`, { cause: error });
  }
}
