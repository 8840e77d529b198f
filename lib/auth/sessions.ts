import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import { signToken, verifyToken } from "@/lib/auth/tokens";

export interface RequestMeta {
  userAgent: string | null;
  ip: string | null;
}

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  // The family's absolute end when a rotation carries it over; absent for a new session, whose
  // refresh token lives its full lifetime.
  refreshExpiresAt?: Date;
}

// A retired refresh token presented again this soon after its rotation is a second tab or a retried
// request racing the first, not theft: it gets a successor instead of ending the session.
export const REUSE_GRACE_SECONDS = 10;

export function hashTokenId(jti: string): string {
  return createHash("sha256").update(jti).digest("hex");
}

export function requestMeta(request: Request): RequestMeta {
  // NOTE: the IP is recorded for the user's own information only and is not trusted for any decision;
  // X-Forwarded-For is whatever the nearest proxy (or the client) wrote.
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
    ip: forwarded ? forwarded.slice(0, 64) : null,
  };
}

interface SessionUser {
  id: string;
  email: string;
}

async function issueTokens(user: SessionUser, familyId: string, familyExpiresAt: Date | undefined, meta: RequestMeta): Promise<IssuedSession> {
  const refresh = await signToken("REFRESH", { sub: user.id, email: user.email, sid: familyId, expiresAt: familyExpiresAt });
  await getDb().refreshToken.create({
    data: { userId: user.id, familyId, jtiHash: hashTokenId(refresh.jti), expiresAt: refresh.expiresAt, userAgent: meta.userAgent, ip: meta.ip },
  });
  const access = await signToken("ACCESS", { sub: user.id, email: user.email, sid: familyId });
  return { accessToken: access.token, refreshToken: refresh.token, refreshExpiresAt: familyExpiresAt };
}

// A new session (refresh family) for a user who just proved who they are; it ends 14 days from now
// however often it is refreshed.
export function createSession(user: SessionUser, meta: RequestMeta): Promise<IssuedSession> {
  return issueTokens(user, crypto.randomUUID(), undefined, meta);
}

export async function revokeFamily(familyId: string): Promise<void> {
  await getDb().refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type RotateResult = { ok: true; session: IssuedSession } | { ok: false; reason: "invalid" | "reused" };

export async function rotateRefreshToken(token: string | undefined, meta: RequestMeta): Promise<RotateResult> {
  const verified = await verifyToken(token, "REFRESH");
  if (!verified.ok || !verified.claims.sid) return { ok: false, reason: "invalid" };
  const db = getDb();
  const row = await db.refreshToken.findUnique({
    where: { jtiHash: hashTokenId(verified.claims.jti) },
    include: { user: { select: { id: true, email: true } } },
  });
  if (!row || row.revokedAt || row.expiresAt <= new Date() || row.familyId !== verified.claims.sid) return { ok: false, reason: "invalid" };

  // Compare-and-set: of two concurrent rotations of one token exactly one wins this update.
  const claimed = await db.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: new Date() } });
  if (claimed.count === 0) {
    const current = await db.refreshToken.findUnique({ where: { id: row.id }, select: { rotatedAt: true, revokedAt: true } });
    const withinGrace = current?.rotatedAt && !current.revokedAt && Date.now() - current.rotatedAt.getTime() <= REUSE_GRACE_SECONDS * 1000;
    if (!withinGrace) {
      await revokeFamily(row.familyId);
      console.warn(JSON.stringify({ level: "warn", msg: "refresh token reuse: family revoked", userId: row.userId, familyId: row.familyId }));
      return { ok: false, reason: "reused" };
    }
  }
  return { ok: true, session: await issueTokens(row.user, row.familyId, row.expiresAt, meta) };
}

// Ends the session the refresh token belongs to; an invalid or missing token is simply nothing to end.
export async function endSession(token: string | undefined): Promise<void> {
  const verified = await verifyToken(token, "REFRESH");
  if (verified.ok && verified.claims.sid) await revokeFamily(verified.claims.sid);
}
