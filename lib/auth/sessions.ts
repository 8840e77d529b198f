import "server-only";
import { createHash, createHmac } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { RequestMeta } from "@/lib/http/request-meta";
import { hashDeviceId } from "@/lib/auth/devices";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { increment } from "@/lib/metrics";
import { signToken, TOKEN_LIFETIME_SECONDS, verifyToken, type Role } from "@/lib/auth/tokens";

export interface IssuedSession {
  sessionId: string;
  accessToken: string;
  refreshToken: string;
  // The session's absolute end when a rotation carries it over; absent for a new session, whose
  // refresh token lives its full lifetime.
  refreshExpiresAt?: Date;
}

// A retired refresh token presented again this soon after its rotation is a second tab or a retried
// request racing the first, not theft: it gets the very same successor instead of ending the session.
export const REUSE_GRACE_SECONDS = 10;

export function hashTokenId(jti: string): string {
  return createHash("sha256").update(jti).digest("hex");
}

// The successor's id is derived from its predecessor's, so the grace window can hand out the same
// token again without storing it. Keyed with AUTH_SECRET: nobody else can predict it.
function successorJti(jti: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`refresh-successor:${jti}`).digest("base64url");
}

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

function accessToken(user: SessionUser, sessionId: string): Promise<{ token: string }> {
  return signToken("ACCESS", { sub: user.id, email: user.email, sid: sessionId, role: user.role });
}

// A new session for a user who just proved who they are; it ends 14 days from now however often it
// is refreshed. `proven`: the sign-in used the account's strongest factor, so the session starts
// fresh for sensitive changes (lib/auth/step-up.ts).
export async function createSession(user: SessionUser, meta: RequestMeta, proven: boolean): Promise<IssuedSession> {
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS.REFRESH * 1000);
  const sessionId = crypto.randomUUID();
  const [refresh, access] = await Promise.all([signToken("REFRESH", { sub: user.id, email: user.email, sid: sessionId, expiresAt }), accessToken(user, sessionId)]);
  // The session and its first refresh token in one statement: one round trip, and never a session
  // without its token. Times are written as UTC, the way Prisma stores them.
  const at = expiresAt.toISOString();
  await getDb().$executeRaw`
    WITH session AS (
      INSERT INTO "Session" ("id", "userId", "userAgent", "ip", "country", "createdAt", "lastUsedAt", "expiresAt", "reauthenticatedAt", "deviceHash")
      VALUES (${sessionId}, ${user.id}, ${meta.userAgent}, ${meta.ip}, ${meta.country}, now(), now(), ${at}::timestamptz, CASE WHEN ${proven} THEN now() END, ${hashDeviceId(meta.device.id)})
    )
    INSERT INTO "RefreshToken" ("id", "sessionId", "jtiHash", "expiresAt", "createdAt")
    VALUES (${crypto.randomUUID()}, ${sessionId}, ${hashTokenId(refresh.jti)}, ${at}::timestamptz, now())`;
  return { sessionId, accessToken: access.token, refreshToken: refresh.token };
}

export type RotateResult = { ok: true; session: IssuedSession } | { ok: false; reason: "invalid" | "reused" };

export async function rotateRefreshToken(token: string | undefined, meta: RequestMeta): Promise<RotateResult> {
  const verified = await verifyToken(token, "REFRESH");
  if (!verified.ok || !verified.claims.sid) return { ok: false, reason: "invalid" };
  const { claims } = verified;
  const db = getDb();
  const row = await db.refreshToken.findUnique({
    where: { jtiHash: hashTokenId(claims.jti) },
    include: { session: { include: { user: { select: { id: true, email: true, role: true } } } } },
  });
  const now = new Date();
  if (!row || row.sessionId !== claims.sid || row.session.revokedAt || row.session.expiresAt <= now) {
    increment("tropical_refreshes_total", { result: "invalid" });
    return { ok: false, reason: "invalid" };
  }
  const { session } = row;
  const nextJti = successorJti(claims.jti);

  // Compare-and-set, with the successor written in the same transaction: of two concurrent
  // rotations exactly one wins, and the loser can rely on the successor existing.
  const won = await db.$transaction(async (tx) => {
    const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null }, data: { rotatedAt: now } });
    if (claimed.count === 0) return false;
    await tx.refreshToken.create({ data: { sessionId: session.id, jtiHash: hashTokenId(nextJti), expiresAt: session.expiresAt } });
    await tx.session.update({ where: { id: session.id }, data: { lastUsedAt: now, ip: meta.ip ?? session.ip, userAgent: meta.userAgent ?? session.userAgent } });
    return true;
  });

  let rotatedAt = now;
  if (!won) {
    const current = await db.refreshToken.findUnique({ where: { id: row.id }, select: { rotatedAt: true } });
    if (!current?.rotatedAt || now.getTime() - current.rotatedAt.getTime() > REUSE_GRACE_SECONDS * 1000) {
      await db.session.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt: now } });
      forgetSession(session.id);
      increment("tropical_refreshes_total", { result: "reused" });
      increment("tropical_refresh_reuse_total");
      await recordSecurityEvent({ userId: session.userId, type: "REFRESH_REUSE", method: "REFRESH", reason: "retired refresh token presented again" }, meta);
      return { ok: false, reason: "reused" };
    }
    rotatedAt = current.rotatedAt;
  }
  increment("tropical_refreshes_total", { result: won ? "rotated" : "grace" });
  const refresh = await signToken("REFRESH", {
    sub: session.user.id,
    email: session.user.email,
    sid: session.id,
    jti: nextJti,
    issuedAt: rotatedAt,
    expiresAt: session.expiresAt,
  });
  return {
    ok: true,
    session: { sessionId: session.id, accessToken: (await accessToken(session.user, session.id)).token, refreshToken: refresh.token, refreshExpiresAt: session.expiresAt },
  };
}

// How long a process trusts its last look at a session: revocation reaches every API call within
// this time, and a busy session costs one query per this time instead of one per request.
export const SESSION_CHECK_TTL_MS = 5_000;
// One map per process, on globalThis: Next bundles pages and route handlers apart, each with its own
// copy of this module, and a revocation made through the API must clear the pages' entry too (a
// revoked device reloading the dashboard was served it, data and all, for those 5 seconds).
const globalForSessions = globalThis as unknown as { tropicalSessionChecks?: Map<string, { active: boolean; checkedAt: number }> };
const sessionChecks = (globalForSessions.tropicalSessionChecks ??= new Map());

function forgetSession(sessionId: string): void {
  sessionChecks.delete(sessionId);
}

export async function isSessionActive(sessionId: string): Promise<boolean> {
  const cached = sessionChecks.get(sessionId);
  if (cached && Date.now() - cached.checkedAt < SESSION_CHECK_TTL_MS) return cached.active;
  return isSessionActiveNow(sessionId);
}

// The database's word at this moment, with no earlier look standing in for it: introspection
// (lib/auth/introspection.ts) is asked precisely by services that must not act for a session that
// ended a moment ago, on whichever instance that happened.
export async function isSessionActiveNow(sessionId: string): Promise<boolean> {
  const session = await getDb().session.findUnique({ where: { id: sessionId }, select: { revokedAt: true, expiresAt: true } });
  const active = Boolean(session && !session.revokedAt && session.expiresAt > new Date());
  if (sessionChecks.size > 10_000) sessionChecks.clear();
  sessionChecks.set(sessionId, { active, checkedAt: Date.now() });
  return active;
}

export async function revokeSessions(userId: string, scope: { only: string } | { except: string } | "all", meta: RequestMeta): Promise<number> {
  const where = scope === "all" ? { userId, revokedAt: null } : "only" in scope ? { userId, id: scope.only, revokedAt: null } : { userId, id: { not: scope.except }, revokedAt: null };
  const db = getDb();
  const ended = await db.session.findMany({ where, select: { id: true } });
  await db.session.updateMany({ where: { id: { in: ended.map((session) => session.id) } }, data: { revokedAt: new Date() } });
  for (const session of ended) forgetSession(session.id);
  if (ended.length) await recordSecurityEvent({ userId, type: "SESSION_REVOKED", reason: `${ended.length} session(s)` }, meta);
  // A calendar subscription URL reads the account without a session, and whoever held one could have
  // made it: signing others or everyone out (recovery, a password change, an administrator) ends it too.
  if (scope === "all" || "except" in scope) {
    const feeds = await db.calendarFeed.deleteMany({ where: { userId } });
    if (feeds.count) await recordSecurityEvent({ userId, type: "CALENDAR_FEED_REVOKED", reason: "sessions revoked" }, meta);
    // Notifications show event titles on a lock screen without any session: a browser that is
    // signed out must stop getting them. Which browser belongs to which session is not known, so
    // this device turns them on again in its settings.
    await db.pushSubscription.deleteMany({ where: { userId } });
  }
  return ended.length;
}

// Ends the session the refresh token belongs to; an invalid or missing token is simply nothing to end.
export async function endSession(token: string | undefined): Promise<void> {
  const verified = await verifyToken(token, "REFRESH");
  if (!verified.ok || !verified.claims.sid) return;
  await getDb().session.updateMany({ where: { id: verified.claims.sid, revokedAt: null }, data: { revokedAt: new Date() } });
  forgetSession(verified.claims.sid);
}

export interface SessionView {
  id: string;
  userAgent: string | null;
  ip: string | null;
  country: string | null;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

export async function listSessions(userId: string, currentSessionId: string | undefined): Promise<SessionView[]> {
  const sessions = await getDb().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastUsedAt: "desc" },
    take: 100,
  });
  return sessions.map((session) => ({
    id: session.id,
    userAgent: session.userAgent,
    ip: session.ip,
    country: session.country,
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    current: session.id === currentSessionId,
  }));
}
