// `npm run dev` and `npm start`: fills in what the environment does not provide (in development an
// embedded PostgreSQL, a mail catcher, a secret and a signing key ring), then runs Next.js and stops
// everything it started when Next exits or the user presses Ctrl+C. Development applies pending migrations itself;
// production leaves them to the release step (`npm run db:migrate`), and the app refuses to serve a
// database older than its code (lib/startup.ts). The variables themselves are checked by the app.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { rotateKeyRing } from "../lib/auth/key-ring";
import { pemFromEnv } from "../lib/auth/sso/saml-keys";
import { RETIRED_KEY_GRACE_SECONDS } from "../lib/auth/tokens";
import webpush from "web-push";
import { z } from "zod";
import { applyMigrations } from "./migrate";
import { startOAuthProviders } from "./oauth-providers";
import { SAML_SAMPLE_DOMAIN, startSamlIdp } from "./saml-idp";
import { generateSamlKeyPair } from "./saml-keys";
import { seedSampleSamlConnection, seedSampleSsoConnection } from "./sso-seed";
import { startEmbeddedPostgres, startMailCatcher, type RunningService } from "./services";

function parseMode(value: string | undefined): "dev" | "start" {
  if (value === "dev" || value === "start") return value;
  console.error("usage: tsx scripts/run.ts dev|start");
  process.exit(2);
}
const mode = parseMode(process.argv[2]);
const production = mode === "start";
const DATA_DIR = path.join(process.cwd(), ".data");

function fail(line: string): never {
  console.error(`TropiCal cannot start: ${line}`);
  process.exit(1);
}

async function developmentSecret(): Promise<string> {
  const file = path.join(DATA_DIR, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}

// The development key ring, kept like the secret; `npm run keys:rotate -- --file .data/signing-keys.json` rotates it.
async function developmentKeyRing(): Promise<string> {
  const file = path.join(DATA_DIR, "signing-keys.json");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const { ring } = await rotateKeyRing(null, { now: Math.floor(Date.now() / 1000), alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS });
  await writeFile(file, `${JSON.stringify(ring)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return JSON.stringify(ring);
}

const vapidFileSchema = z.object({ publicKey: z.string(), privateKey: z.string() });

// Browser notifications in development: a VAPID key pair kept like the signing key, so a browser's
// subscription survives restarts (a new pair would silently orphan it).
async function developmentVapidKeys(): Promise<{ publicKey: string; privateKey: string }> {
  const file = path.join(DATA_DIR, "vapid.json");
  if (existsSync(file)) return vapidFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const keys = webpush.generateVAPIDKeys();
  await writeFile(file, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return keys;
}

const samlKeyFileSchema = z.object({ privateKey: z.string(), certificate: z.string() });

// TropiCal's SAML SP key pair in development, kept like the VAPID keys: an IdP set up with the SP
// metadata's certificate keeps accepting the requests across restarts.
async function developmentSamlKeys(): Promise<{ privateKey: string; certificate: string }> {
  const file = path.join(DATA_DIR, "saml-sp.json");
  if (existsSync(file)) return samlKeyFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const keys = await generateSamlKeyPair("TropiCal SP (development)");
  await writeFile(file, `${JSON.stringify(keys)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return keys;
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const port: string = env.PORT ?? "3000";
  env.PORT = port;
  await mkdir(DATA_DIR, { recursive: true });

  // A private database per instance would split users between instances without a word: production
  // starts one only when asked to (a single-box demo).
  const embedded = !env.DATABASE_URL && (!production || env.EMBEDDED_DATABASE === "1");
  if (production) {
    if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) fail("no production build: run `npm run build` first");
    if (!env.DATABASE_URL && !embedded) fail("DATABASE_URL is required (or EMBEDDED_DATABASE=1 for a single-box demo with its data in .data/postgres)");
    if (!env.SMTP_URL) fail("SMTP_URL is required (e.g. smtp://user:pass@mail.example.com:587)");
  } else {
    env.APP_URL ??= `http://localhost:${port}`;
    env.AUTH_SECRET ??= await developmentSecret();
    env.AUTH_SIGNING_KEYS ??= await developmentKeyRing();
    if (!env.VAPID_PUBLIC_KEY && !env.VAPID_PRIVATE_KEY) {
      const vapid = await developmentVapidKeys();
      env.VAPID_PUBLIC_KEY = vapid.publicKey;
      env.VAPID_PRIVATE_KEY = vapid.privateKey;
      env.VAPID_SUBJECT ??= "mailto:no-reply@localhost";
    }
    if (!env.SAML_SP_PRIVATE_KEY && !env.SAML_SP_CERTIFICATE) {
      const saml = await developmentSamlKeys();
      env.SAML_SP_PRIVATE_KEY = saml.privateKey;
      env.SAML_SP_CERTIFICATE = saml.certificate;
    }
  }

  const services: RunningService[] = [];
  const stopServices = async () => {
    for (const service of services.reverse()) await service.stop().catch(() => {});
  };
  try {
    if (embedded) {
      console.log("Starting the embedded PostgreSQL (data in .data/postgres)…");
      const postgres = await startEmbeddedPostgres(path.join(DATA_DIR, "postgres"));
      services.push(postgres);
      env.DATABASE_URL = postgres.url;
      await applyMigrations(postgres.url);
    } else if (!production) {
      await applyMigrations(env.DIRECT_DATABASE_URL ?? env.DATABASE_URL ?? "");
    }
    if (!env.SMTP_URL) {
      const mailDir = path.join(DATA_DIR, "mail");
      const catcher = await startMailCatcher(mailDir);
      services.push(catcher);
      env.SMTP_URL = catcher.url;
      env.MAIL_CATCHER_DIR = mailDir;
      console.log(`Mail is caught locally: open ${env.APP_URL}/dev/mailbox`);
    }
    // Without any real provider credentials, development signs in through local stand-ins.
    if (!production && !env.GOOGLE_CLIENT_ID && !env.KAKAO_CLIENT_ID && !env.NAVER_CLIENT_ID) {
      const providers = await startOAuthProviders(env.APP_URL ?? `http://localhost:${port}`);
      services.push(providers);
      Object.assign(env, providers.env);
      console.log(`Google, Kakao and Naver sign-in use local test providers at ${providers.url}`);
      // Company sign-in: one sample connection to the local identity provider, for any @example.test address.
      env.SSO_LOOPBACK_ISSUERS = "on";
      await seedSampleSsoConnection(env.DATABASE_URL ?? "", env.AUTH_SECRET ?? "", providers.url);
      console.log("Company sign-in: any address @example.test signs in through the local OpenID provider");
    }
    // A company IdP to connect SAML sign-in to in development (it trusts this app's SP certificate).
    if (!production && env.SAML_SP_CERTIFICATE) {
      const idp = await startSamlIdp(env.APP_URL ?? `http://localhost:${port}`, pemFromEnv(env.SAML_SP_CERTIFICATE));
      services.push(idp);
      await seedSampleSamlConnection(env.DATABASE_URL ?? "", idp);
      console.log(`A local SAML IdP runs at ${idp.url}: any address @${SAML_SAMPLE_DOMAIN} signs in through it (its metadata is ${idp.metadataUrl})`);
    }
  } catch (error) {
    await stopServices();
    fail((error as Error).message);
  }

  // Production goes through server.ts, which knows the client's address (see lib/http/client-ip.ts).
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const args = production ? ["--import", "tsx", "server.ts"] : [nextBin, "dev", "-p", port];
  const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...env, NODE_ENV: production ? "production" : "development" } });
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  child.on("exit", async (code) => {
    await stopServices();
    process.exit(code ?? 0);
  });
}

void main();
