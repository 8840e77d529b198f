import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { Prisma, SecurityEventType } from "@/lib/generated/prisma/client";
import { clearFailures } from "@/lib/auth/login-throttle";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { providerHealth, type BreakerState } from "@/lib/auth/provider-breaker";
import { recordAccountChange } from "@/lib/auth/security-notices";
import { revokeSessions } from "@/lib/auth/sessions";
import type { SocialProvider } from "@/lib/auth/social-providers";
import type { RequestMeta } from "@/lib/http/request-meta";

const DAY_MS = 86_400_000;
const PAGE_SIZE = 25;

export interface SecurityStats {
  activeUsers: { day: number; week: number };
  // Sign-in outcomes per day for the last 14 days, by method.
  signIns: { date: string; method: string; success: number; failure: number }[];
  lockedAccounts: { email: string; failures: number; lockedUntil: string }[];
  lastWeek: { refreshReuse: number; newDevice: number; newCountry: number; failures: number };
  failingIps: { ip: string; failures: number }[];
  // The circuit breaker of each configured sign-in provider.
  providers: { provider: SocialProvider; state: BreakerState; failures: number; openedAt: string | null; lastFailureAt: string | null }[];
}

export async function securityStats(now = new Date()): Promise<SecurityStats> {
  const db = getDb();
  const since = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const [day, week, signIns, locked, reuse, newDevice, newCountry, failures, ips, health] = await Promise.all([
    db.session.groupBy({ by: ["userId"], where: { lastUsedAt: { gte: since(1) } } }),
    db.session.groupBy({ by: ["userId"], where: { lastUsedAt: { gte: since(7) } } }),
    db.$queryRaw<{ date: string; method: string; success: number; failure: number }[]>`
      -- Days in UTC, as the chart's own dates are (lib/planner/dates.ts toDateString).
      SELECT to_char("createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, coalesce("method", '?') AS method,
             count(*) FILTER (WHERE type = 'LOGIN_SUCCESS')::int AS success,
             count(*) FILTER (WHERE type IN ('LOGIN_FAILURE', 'LOGIN_LOCKED', 'MFA_FAILURE'))::int AS failure
      FROM "SecurityEvent"
      WHERE "createdAt" >= ${since(14)} AND type IN ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'LOGIN_LOCKED', 'MFA_FAILURE')
      GROUP BY 1, 2 ORDER BY 1, 2`,
    db.loginThrottle.findMany({ where: { lockedUntil: { gt: now } }, orderBy: { lockedUntil: "desc" }, take: 50 }),
    db.securityEvent.count({ where: { type: "REFRESH_REUSE", createdAt: { gte: since(7) } } }),
    db.securityEvent.count({ where: { type: "LOGIN_SUCCESS", newDevice: true, createdAt: { gte: since(7) } } }),
    db.securityEvent.count({ where: { type: "LOGIN_SUCCESS", newCountry: true, createdAt: { gte: since(7) } } }),
    db.securityEvent.count({ where: { type: { in: ["LOGIN_FAILURE", "MFA_FAILURE"] }, createdAt: { gte: since(7) } } }),
    db.securityEvent.groupBy({
      by: ["ip"],
      where: { type: { in: ["LOGIN_FAILURE", "MFA_FAILURE"] }, createdAt: { gte: since(7) }, ip: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { ip: "desc" } },
      take: 10,
    }),
    providerHealth(),
  ]);
  const configured = configuredProviders();
  return {
    activeUsers: { day: day.length, week: week.length },
    signIns,
    lockedAccounts: locked.map((row) => ({ email: row.email, failures: row.failures, lockedUntil: row.lockedUntil?.toISOString() ?? "" })),
    lastWeek: { refreshReuse: reuse, newDevice, newCountry, failures },
    failingIps: ips.map((row) => ({ ip: row.ip ?? "?", failures: row._count._all })),
    providers: health
      .filter((row) => configured.includes(row.provider))
      .map((row) => ({ provider: row.provider, state: row.state, failures: row.failures, openedAt: row.openedAt?.toISOString() ?? null, lastFailureAt: row.lastFailureAt?.toISOString() ?? null })),
  };
}

export interface EventFilter {
  type?: SecurityEventType;
  email?: string;
  page: number;
}

export async function listSecurityEvents(filter: EventFilter) {
  const where: Prisma.SecurityEventWhereInput = {};
  if (filter.type) where.type = filter.type;
  if (filter.email) where.user = { email: { contains: filter.email } };
  const db = getDb();
  const [total, events] = await Promise.all([
    db.securityEvent.count({ where }),
    db.securityEvent.findMany({ where, orderBy: { createdAt: "desc" }, skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE, include: { user: { select: { email: true } } } }),
  ]);
  return {
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      method: event.method,
      reason: event.reason,
      ip: event.ip,
      country: event.country,
      email: event.user?.email ?? null,
      newDevice: event.newDevice,
      newCountry: event.newCountry,
      createdAt: event.createdAt.toISOString(),
    })),
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

export async function listAuditLog(filter: { q?: string; page: number }) {
  const where: Prisma.AuditLogWhereInput = filter.q
    ? { OR: [{ targetEmail: { contains: filter.q } }, { actorEmail: { contains: filter.q } }, { action: { contains: filter.q.toUpperCase() } }, { reason: { contains: filter.q } }] }
    : {};
  const db = getDb();
  const [total, entries] = await Promise.all([db.auditLog.count({ where }), db.auditLog.findMany({ where, orderBy: { createdAt: "desc" }, skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE })]);
  return { entries: entries.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })), page: filter.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

interface Admin {
  id: string;
  email: string;
}

async function audit(admin: Admin, action: string, target: { id?: string; email: string }, reason: string): Promise<void> {
  await getDb().auditLog.create({ data: { actor: admin.id, actorEmail: admin.email, action, targetUserId: target.id ?? null, targetEmail: target.email, reason } });
}

// Lifts a sign-in lock on an address (known account or not); the failures start over.
export async function unlockAccount(admin: Admin, email: string, reason: string): Promise<void> {
  const throttle = await getDb().loginThrottle.findUnique({ where: { email } });
  if (!throttle) throw new ApiError("NOT_FOUND");
  await clearFailures(email);
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  await audit(admin, "ACCOUNT_UNLOCKED", { id: user?.id, email }, reason);
}

export async function revokeUserSessions(admin: Admin, email: string, reason: string, meta: RequestMeta): Promise<number> {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new ApiError("NOT_FOUND");
  const revoked = await revokeSessions(user.id, "all", meta);
  await audit(admin, "SESSIONS_REVOKED", { id: user.id, email }, reason);
  return revoked;
}

export interface UserRow {
  id: string;
  email: string;
  nickname: string;
  role: "USER" | "ADMIN";
  emailVerified: boolean;
  secondFactor: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
}

// Finding an account: by address or nickname, newest first.
export async function listUsers(filter: { q?: string; page: number }) {
  const where: Prisma.UserWhereInput = filter.q ? { OR: [{ email: { contains: filter.q.toLowerCase() } }, { nickname: { contains: filter.q, mode: "insensitive" } }] } : {};
  const db = getDb();
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, orderBy: { createdAt: "desc" }, skip: (filter.page - 1) * PAGE_SIZE, take: PAGE_SIZE, include: { _count: { select: { passkeys: true } } } }),
  ]);
  const rows: UserRow[] = users.map((user) => ({
    id: user.id,
    email: user.email,
    nickname: user.nickname,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    secondFactor: user.totpEnabledAt !== null || user._count.passkeys > 0,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    disabledReason: user.disabledReason,
    createdAt: user.createdAt.toISOString(),
  }));
  return { users: rows, page: filter.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

// Sign-in refused by every way in, every session ended, the reason audited and the owner told.
// Never the last active administrator: someone must remain who can undo it.
export async function disableAccount(admin: Admin, email: string, reason: string, meta: RequestMeta): Promise<void> {
  const db = getDb();
  const target = await db.$transaction(async (tx) => {
    // One administrator change at a time, so two admins cannot disable each other at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tropical:admins'))`;
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, role: true, disabledAt: true } });
    if (!user) throw new ApiError("NOT_FOUND");
    if (user.disabledAt) throw new ApiError("CONFLICT_STATE");
    if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN", disabledAt: null } })) <= 1) throw new ApiError("LAST_ADMIN");
    await tx.user.update({ where: { id: user.id }, data: { disabledAt: new Date(), disabledReason: reason } });
    return user;
  });
  await revokeSessions(target.id, "all", meta);
  await audit(admin, "ACCOUNT_DISABLED", { id: target.id, email }, reason);
  await recordAccountChange(target.id, "ACCOUNT_DISABLED", meta, { reason });
}

export async function enableAccount(admin: Admin, email: string, reason: string, meta: RequestMeta): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
  if (!user) throw new ApiError("NOT_FOUND");
  if (!user.disabledAt) throw new ApiError("CONFLICT_STATE");
  await db.user.update({ where: { id: user.id }, data: { disabledAt: null, disabledReason: null } });
  await audit(admin, "ACCOUNT_ENABLED", { id: user.id, email }, reason);
  await recordAccountChange(user.id, "ACCOUNT_ENABLED", meta, { reason });
}
