import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { RequestMeta } from "@/lib/http/request-meta";

// A private calendar subscription URL: whoever holds it reads the user's events, read-only, without
// a session (calendar apps have none). The URL carries 32 random bytes; only their SHA-256 is kept,
// and it is looked up by that hash through a unique index, so no comparison runs on the secret
// itself (ASVS 2.9: a secret that cannot be guessed, and revoked for good by deleting its row).

export interface CalendarFeedStatus {
  active: boolean;
  createdAt: string | null;
}

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function feedUrl(token: string): string {
  return `${getEnv().APP_URL}/api/calendar/${token}.ics`;
}

export async function calendarFeedStatus(userId: string): Promise<CalendarFeedStatus> {
  const feed = await getDb().calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } });
  return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
}

// A new URL, replacing the user's earlier one (which stops working); the URL is shown this once.
export async function createCalendarFeed(userId: string, meta: RequestMeta): Promise<{ url: string; createdAt: string }> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashFeedToken(token);
  const feed = await getDb().calendarFeed.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  await recordSecurityEvent({ userId, type: "CALENDAR_FEED_CREATED" }, meta);
  return { url: feedUrl(token), createdAt: feed.createdAt.toISOString() };
}

export async function revokeCalendarFeed(userId: string, meta: RequestMeta): Promise<void> {
  const { count } = await getDb().calendarFeed.deleteMany({ where: { userId } });
  if (count) await recordSecurityEvent({ userId, type: "CALENDAR_FEED_REVOKED" }, meta);
}

// The user a feed token belongs to, or null for one never issued or revoked.
export async function feedOwner(token: string): Promise<string | null> {
  const feed = await getDb().calendarFeed.findUnique({ where: { tokenHash: hashFeedToken(token) }, select: { userId: true, user: { select: { disabledAt: true } } } });
  return feed && !feed.user.disabledAt ? feed.userId : null;
}
