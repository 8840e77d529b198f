// Two peers' per-request session checks, each in the smallest Next.js app that has one: Auth.js v5
// (`auth()` in the Edge middleware and the handler, a JWE session cookie) and Better Auth
// (`auth.api.getSession` in the proxy and the handler, with its cookie cache). Built by the bench
// with this checkout's Next.js, React and pg, so that the auth library is the one difference, and
// measured beside TropiCal's route builder doing the same work (`GET /api/ping`: the user's id).
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import { findFreePort } from "../scripts/services";
import { spawnApp, stopProcess, waitForHealth } from "../scripts/test-stack";
import { PASSWORD } from "../tests/helpers/users";
import { BENCH_DIR, build, linkModules, run } from "./variants";

// Exact versions, so that two runs of the bench measure the same code.
export const PEER_VERSIONS = { authjs: "5.0.0-beta.32", betterAuth: "1.7.25" };

export type PeerName = "authjs" | "betterAuth";

interface PeerApp {
  folder: string;
  dependencies: Record<string, string>;
  files: Record<string, string>;
  // Run once on the built app before its server starts (Better Auth's tables).
  prepare?: (dir: string, env: NodeJS.ProcessEnv) => Promise<void>;
  // Signs the bench user in over HTTP and returns the Cookie header a browser would send.
  signIn: (baseUrl: string) => Promise<string>;
}

const packageSchema = z.object({ version: z.string() });

// The version this checkout has installed, not the range package.json allows.
async function installedVersion(name: string): Promise<string> {
  return packageSchema.parse(JSON.parse(await readFile(path.join("node_modules", name, "package.json"), "utf8"))).version;
}

// `name=value` pairs of the cookies a response sets.
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");
}

const layout = `export default function Layout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`;
const health = `export function GET() {\n  return Response.json({ ok: true });\n}\n`;

const authjs: PeerApp = {
  folder: "peer-authjs",
  dependencies: { "next-auth": PEER_VERSIONS.authjs },
  files: {
    "auth.js": [
      'import NextAuth from "next-auth";',
      'import Credentials from "next-auth/providers/credentials";',
      "",
      "// One user, known by its password: the bench measures the session check, not a user store.",
      "export const { handlers, auth } = NextAuth({",
      "  trustHost: true,",
      '  session: { strategy: "jwt" },',
      "  providers: [",
      "    Credentials({",
      "      credentials: { email: {}, password: {} },",
      '      authorize: (credentials) => (credentials.password === process.env.BENCH_PASSWORD ? { id: "bench-user", email: String(credentials.email) } : null),',
      "    }),",
      "  ],",
      "  callbacks: { session: ({ session, token }) => ({ ...session, user: { ...session.user, id: token.sub } }) },",
      "});",
      "",
    ].join("\n"),
    "middleware.js": 'export { auth as middleware } from "./auth";\n\nexport const config = { matcher: ["/api/ping"] };\n',
    "app/api/auth/[...nextauth]/route.js": 'import { handlers } from "../../../../auth";\n\nexport const { GET, POST } = handlers;\n',
    "app/api/ping/route.js": [
      'import { auth } from "../../../auth";',
      "",
      'export const GET = auth((request) => (request.auth ? Response.json({ id: request.auth.user.id }) : Response.json({ error: "not signed in" }, { status: 401 })));',
      "",
    ].join("\n"),
  },
  // The Credentials sign-in a browser's form makes: a CSRF token first, then the callback.
  signIn: async (baseUrl) => {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await csrf.json());
    const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
      body: new URLSearchParams({ csrfToken, email: "bench@example.test", password: PASSWORD }),
    });
    const session = cookiesOf(answer).filter((cookie) => cookie.startsWith("authjs.session-token"));
    if (session.length === 0) throw new Error(`Auth.js sign-in set no session cookie (${answer.status})`);
    return session.join("; ");
  },
};

const betterAuth: PeerApp = {
  folder: "peer-better-auth",
  dependencies: { "better-auth": PEER_VERSIONS.betterAuth },
  files: {
    "auth.js": [
      'import { betterAuth } from "better-auth";',
      'import pg from "pg";',
      "",
      "export const auth = betterAuth({",
      "  database: new pg.Pool({ connectionString: process.env.DATABASE_URL }),",
      "  emailAndPassword: { enabled: true },",
      "  // The signed session cookie answers getSession without the database until it is this old.",
      "  session: { cookieCache: { enabled: true, maxAge: 5 * 60 } },",
      "});",
      "",
    ].join("\n"),
    "migrate.js": [
      'import { getMigrations } from "better-auth/db/migration";',
      'import { auth } from "./auth.js";',
      "",
      "const { runMigrations } = await getMigrations(auth.options);",
      "await runMigrations();",
      "process.exit(0);",
      "",
    ].join("\n"),
    // Next 16's proxy runs on Node.js, where the pg pool can: the documented place for getSession.
    "proxy.js": [
      'import { NextResponse } from "next/server";',
      'import { auth } from "./auth";',
      "",
      "export async function proxy(request) {",
      "  const session = await auth.api.getSession({ headers: request.headers });",
      '  return session ? NextResponse.next() : NextResponse.json({ error: "not signed in" }, { status: 401 });',
      "}",
      "",
      'export const config = { matcher: ["/api/ping"] };',
      "",
    ].join("\n"),
    "app/api/auth/[...all]/route.js": 'import { toNextJsHandler } from "better-auth/next-js";\nimport { auth } from "../../../../auth";\n\nexport const { GET, POST } = toNextJsHandler(auth);\n',
    "app/api/ping/route.js": [
      'import { auth } from "../../../auth";',
      "",
      "export async function GET(request) {",
      "  const session = await auth.api.getSession({ headers: request.headers });",
      '  return session ? Response.json({ id: session.user.id }) : Response.json({ error: "not signed in" }, { status: 401 });',
      "}",
      "",
    ].join("\n"),
  },
  prepare: (dir, env) => run(process.execPath, ["migrate.js"], dir, env),
  signIn: async (baseUrl) => {
    const answer = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ name: "Bench", email: `bench-${Date.now()}@example.test`, password: PASSWORD }),
    });
    const cookies = cookiesOf(answer);
    // Without the cache cookie every getSession reads the database, which is not the set-up measured.
    if (!cookies.some((cookie) => cookie.startsWith("better-auth.session_data="))) throw new Error(`Better Auth sign-up set no session cache cookie (${answer.status})`);
    return cookies.join("; ");
  },
};

const PEERS: Record<PeerName, PeerApp> = { authjs, betterAuth };

// The peer's packages, installed from the registry once per set of versions and hard-linked into
// every build after.
async function installedModules(peer: PeerApp, manifest: string): Promise<string> {
  const cache = path.join(BENCH_DIR, "peer-modules", peer.folder);
  const stamp = path.join(cache, "package.json");
  if (existsSync(path.join(cache, "node_modules")) && existsSync(stamp) && (await readFile(stamp, "utf8")) === manifest) return path.join(cache, "node_modules");
  await rm(cache, { recursive: true, force: true });
  await mkdir(cache, { recursive: true });
  await writeFile(stamp, manifest);
  await run("npm", ["install", "--no-audit", "--no-fund"], cache);
  return path.join(cache, "node_modules");
}

export async function buildPeer(name: PeerName): Promise<string> {
  const peer = PEERS[name];
  const dependencies = {
    next: await installedVersion("next"),
    react: await installedVersion("react"),
    "react-dom": await installedVersion("react-dom"),
    pg: await installedVersion("pg"),
    ...peer.dependencies,
  };
  const manifest = `${JSON.stringify({ name: peer.folder, private: true, type: "module", dependencies }, null, 2)}\n`;
  const modules = await installedModules(peer, manifest);
  const dir = path.join(BENCH_DIR, peer.folder);
  await rm(dir, { recursive: true, force: true });
  const files = { "package.json": manifest, "app/layout.js": layout, "app/api/health/route.js": health, ...peer.files };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  await linkModules(dir, modules);
  await build(dir);
  return dir;
}

// A database of the bench stack's PostgreSQL for one peer's tables, new each run.
async function createDatabase(databaseUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// A peer's build served by `next start` (pinned like TropiCal's servers), with its user signed in.
export async function startPeer(name: PeerName, dir: string, databaseUrl: string, cpu: number | undefined): Promise<{ baseUrl: string; cookie: string; stop: () => Promise<void> }> {
  const peer = PEERS[name];
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    BETTER_AUTH_URL: baseUrl,
    BENCH_PASSWORD: PASSWORD,
    DATABASE_URL: await createDatabase(databaseUrl, `peer_${peer.folder.replace(/\W/g, "_")}`),
  };
  await peer.prepare?.(dir, env);
  const server = spawnApp(env, dir, cpu, [path.join(dir, "node_modules", "next", "dist", "bin", "next"), "start", "--hostname", "127.0.0.1", "--port", String(port)]);
  const log = createWriteStream(path.join(dir, "server.log"));
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  try {
    await waitForHealth(baseUrl, server);
    const cookie = await peer.signIn(baseUrl);
    const ping = await fetch(`${baseUrl}/api/ping`, { headers: { cookie } });
    const body = z.object({ id: z.string().min(1) }).safeParse(await ping.json().catch(() => null));
    if (!ping.ok || !body.success) throw new Error(`${peer.folder} did not answer /api/ping for its signed-in user (${ping.status}); see ${path.join(dir, "server.log")}`);
    return { baseUrl, cookie, stop: () => stopProcess(server) };
  } catch (error) {
    await stopProcess(server);
    throw error;
  }
}
