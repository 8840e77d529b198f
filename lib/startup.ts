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
