import "server-only";
import { getEnv } from "@/lib/env";
import { drainOnStop } from "@/lib/http/drain";
import { log } from "@/lib/log";

function refuse(line: string): never {
  console.error(`TropiCal cannot start: ${line}`);
  process.exit(1);
}

// Mail that could not be sent when it was queued is retried from here, and expired rows deleted, in
// every long-lived server process (lib/jobs.ts); secrets sealed under the previous AUTH_SECRET move
// to the current one.
async function startBackgroundWork(): Promise<void> {
  const { startSweeper } = await import("@/lib/jobs");
  startSweeper();
  const { resealStaleSecrets } = await import("@/lib/auth/sealed-secrets");
  const resealed = await resealStaleSecrets().catch((error: unknown) => {
    log("warn", "sealed secrets not moved to the current key", { error: String(error).slice(0, 200) });
    return 0;
  });
  if (resealed > 0) log("info", "sealed secrets moved to the current key", { count: resealed });
}

// Every server process (`npm start`, `next start`, the standalone server) passes through here
// before serving: a missing or bad variable, or a database older than the code, stops it with one
// line instead of failing on its first request.
export async function start(): Promise<void> {
  drainOnStop();
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    refuse((error as Error).message);
  }
  const { missingMigrations } = await import("@/lib/db");
  const missing = await missingMigrations().catch((error: unknown) => {
    // Unreachable now is not old: serve, and let /api/ready and each request say 503 until it is back.
    log("warn", "schema not checked: database unreachable at start", { error: String(error).slice(0, 200) });
    return [];
  });
  if (missing.length) refuse(`the database lacks ${missing.length} migration(s), the newest ${missing.at(-1)}: run \`npm run db:migrate\` (the release step) first`);
  const { missingSealKeys } = await import("@/lib/auth/sealed-secrets");
  const unopenable = await missingSealKeys().catch(() => []);
  if (unopenable.length) {
    const count = unopenable.reduce((sum, row) => sum + row.count, 0);
    refuse(
      `${count} two-step verification secret(s) are sealed under a key this server does not have (key id ${unopenable.map((row) => row.keyId).join(", ")}): set AUTH_SECRET_PREVIOUS to the AUTH_SECRET they were sealed with (README, "Rotating keys")`,
    );
  }
  if (env.PREVIEW) log("info", "preview deployment: social sign-in is off here (providers know only the production callback); passkeys made here belong to this URL", { origin: env.APP_URL });
  void startBackgroundWork();
}
