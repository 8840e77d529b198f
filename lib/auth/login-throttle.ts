import "server-only";
import { getDb } from "@/lib/db";
import { LOCKOUT_POLICY, waitAfterFailures } from "@/lib/auth/lockout-policy";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";

// Every check of a secret only the account's owner should know (the password while signed in, a
// TOTP code, a recovery code) counts here, whichever endpoint asks. A stolen session, or a pending
// sign-in started over and over, gets 15 guesses a quarter hour in all, not 15 at every door.
const PROOF_ATTEMPTS_PER_ACCOUNT: RateLimit = { name: "account-proof", max: 15, windowSeconds: 15 * 60 };

export function countProofAttempt(userId: string): Promise<void> {
  return consumeRateLimit(PROOF_ATTEMPTS_PER_ACCOUNT, userId);
}

// How long the address must still wait out earlier failures (0 when it may try now), and whether it
// has failures on record at all: a successful sign-in clears them only then, since most have none
// and the delete is a round trip.
export async function lockoutState(email: string): Promise<{ secondsLocked: number; hasFailures: boolean }> {
  const throttle = await getDb().loginThrottle.findUnique({ where: { email } });
  const secondsLocked = throttle?.lockedUntil && throttle.lockedUntil > new Date() ? Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 1000) : 0;
  return { secondsLocked, hasFailures: throttle !== null };
}

// One atomic statement, so concurrent failures all count.
export async function recordFailure(email: string): Promise<{ failures: number; locked: boolean }> {
  const { forgetAfterSeconds } = LOCKOUT_POLICY;
  const rows = await getDb().$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("email", "failures", "lastFailureAt")
    VALUES (${email}, 1, now())
    ON CONFLICT ("email") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < now() - make_interval(secs => ${forgetAfterSeconds}::float8)
        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "lastFailureAt" = now()
    RETURNING "failures"`;
  const failures = rows[0]?.failures ?? 1;
  const wait = waitAfterFailures(failures);
  if (wait > 0) await getDb().loginThrottle.update({ where: { email }, data: { lockedUntil: new Date(Date.now() + wait * 1000) } });
  return { failures, locked: wait > 0 };
}

export async function clearFailures(email: string): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { email } });
}
