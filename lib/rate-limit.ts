import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";

// No limit counts over a longer window, so a bucket whose window began before this is spent for
// whichever limit it belongs to, and retention may delete it (lib/retention.ts).
export const LONGEST_WINDOW_SECONDS = 24 * 60 * 60;

export interface RateLimit {
  // Distinguishes limits that share a subject (an e-mail address, say).
  name: string;
  max: number;
  windowSeconds: number;
}

// Fixed-window counter in PostgreSQL, so every app instance shares it. One atomic statement:
// concurrent requests cannot both read a stale count.
export async function consumeRateLimit(limit: RateLimit, subject: string): Promise<void> {
  if (limit.windowSeconds > LONGEST_WINDOW_SECONDS) throw new Error(`rate limit ${limit.name}: windows longer than ${LONGEST_WINDOW_SECONDS} s are deleted early`);
  const key = `${limit.name}:${subject}`;
  const rows = await getDb().$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${limit.windowSeconds}::float8)
        THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${limit.windowSeconds}::float8)
        THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  if (row && row.count > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((row.windowStart.getTime() + limit.windowSeconds * 1000 - Date.now()) / 1000));
    throw new ApiError("RATE_LIMITED", undefined, retryAfter);
  }
}
