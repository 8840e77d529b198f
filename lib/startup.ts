import "server-only";
import { getEnv } from "@/lib/env";

// A production app with a missing or bad variable stops here with one line naming it,
// instead of failing on its first request.
try {
  getEnv();
} catch (error) {
  console.error(`TropiCal cannot start: ${(error as Error).message}`);
  process.exit(1);
}

// Mail that could not be sent when it was queued is retried from here, in every server process.
// Loaded only once the configuration is known to be good.
async function startBackgroundWork(): Promise<void> {
  const [{ startMailSweeper }, { renderMailIntent }] = await Promise.all([import("@/lib/mail/outbox"), import("@/lib/auth/mail-intents")]);
  startMailSweeper(renderMailIntent);
}
void startBackgroundWork();
