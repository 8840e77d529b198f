import "server-only";
import { CONSENT_VERSIONS } from "@/lib/consents";
import { getDb } from "@/lib/db";
import type { ConsentKind } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/http/request-meta";
import { recordSecurityEvent } from "@/lib/auth/security-events";

// What the user has agreed to, from the consent ledger (every grant or withdrawal is a row), and
// a copy of everything kept about them: the rights a Korean user has under PIPA.

export interface ConsentState {
  granted: boolean;
  version: string;
  at: string;
}

export interface ConsentStatus {
  terms: ConsentState | null;
  privacy: ConsentState | null;
  marketing: ConsentState | null;
  // Terms or privacy policy accepted in an older version than today's (or never): asked again.
  outdated: boolean;
}

async function latest(userId: string): Promise<Record<ConsentKind, ConsentState | null>> {
  const rows = await getDb().consent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, distinct: ["kind"] });
  const state = (kind: ConsentKind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return row ? { granted: row.granted, version: row.version, at: row.createdAt.toISOString() } : null;
  };
  return { TERMS: state("TERMS"), PRIVACY: state("PRIVACY"), MARKETING: state("MARKETING") };
}

function isCurrent(state: ConsentState | null, version: string): boolean {
  return state !== null && state.granted && state.version === version;
}

export async function consentStatus(userId: string): Promise<ConsentStatus> {
  const { TERMS, PRIVACY, MARKETING } = await latest(userId);
  return { terms: TERMS, privacy: PRIVACY, marketing: MARKETING, outdated: !isCurrent(TERMS, CONSENT_VERSIONS.TERMS) || !isCurrent(PRIVACY, CONSENT_VERSIONS.PRIVACY) };
}

// Each answer is a new ledger row with today's version; the required ones can only be given.
export async function recordConsents(userId: string, input: { terms?: true; privacy?: true; marketing?: boolean }, meta: RequestMeta): Promise<ConsentStatus> {
  const rows = [
    ...(input.terms ? [{ kind: "TERMS" as const, version: CONSENT_VERSIONS.TERMS, granted: true }] : []),
    ...(input.privacy ? [{ kind: "PRIVACY" as const, version: CONSENT_VERSIONS.PRIVACY, granted: true }] : []),
    ...(input.marketing !== undefined ? [{ kind: "MARKETING" as const, version: CONSENT_VERSIONS.MARKETING, granted: input.marketing }] : []),
  ];
  if (rows.length) {
    await getDb().consent.createMany({ data: rows.map((row) => ({ ...row, userId })) });
    await recordSecurityEvent({ userId, type: "CONSENT_CHANGED", reason: rows.map((row) => `${row.kind} ${row.granted ? "granted" : "withdrawn"} (${row.version})`).join(", ") }, meta);
  }
  return consentStatus(userId);
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

// Everything TropiCal keeps about the user, as they would want to read it: no secrets (password
// hash, TOTP seed, recovery-code hashes, passkey public keys, token hashes) and nothing about
// anyone else. Asking for it is recorded.
export async function exportUserData(userId: string, meta: RequestMeta) {
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    include: {
      consents: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { startsAt: "asc" } },
      todos: { orderBy: { position: "asc" } },
      bucketItems: { orderBy: { createdAt: "asc" } },
      sessions: { orderBy: { createdAt: "desc" } },
      securityEvents: { orderBy: { createdAt: "desc" } },
      accounts: { orderBy: { createdAt: "asc" } },
      passkeys: { orderBy: { createdAt: "asc" } },
      devices: { orderBy: { lastSeenAt: "desc" } },
      pushSubscriptions: { orderBy: { createdAt: "asc" } },
    },
  });
  await recordSecurityEvent({ userId, type: "DATA_EXPORTED" }, meta);
  return {
    exportedAt: new Date().toISOString(),
    profile: {
      id: user.id,
      email: user.email,
      nickname: user.nickname,
      role: user.role,
      emailVerifiedAt: iso(user.emailVerifiedAt),
      twoStepVerificationSince: iso(user.totpEnabledAt),
      weekStartsOn: user.weekStartsOn,
      timeZone: user.timeZone,
      holidayCountry: user.holidayCountry,
      createdAt: user.createdAt.toISOString(),
    },
    consents: user.consents.map((consent) => ({ kind: consent.kind, version: consent.version, granted: consent.granted, at: consent.createdAt.toISOString() })),
    events: user.events.map(({ id, title, description, location, startsAt, endsAt, allDay, color, recurrence, timeZone, exdates, seriesId, originalStartsAt }) => ({
      id,
      title,
      description,
      location,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      allDay,
      color,
      // A repeating event as stored: its RRULE, zone and cancelled occurrences; an occurrence
      // changed on its own names its series and the start it replaces.
      recurrence,
      timeZone,
      exdates: exdates.map((date) => date.toISOString()),
      seriesId,
      originalStartsAt: iso(originalStartsAt),
    })),
    todos: user.todos.map(({ id, title, dueOn, priority, completedAt, createdAt }) => ({
      id,
      title,
      dueOn: iso(dueOn)?.slice(0, 10) ?? null,
      priority,
      completedAt: iso(completedAt),
      createdAt: createdAt.toISOString(),
    })),
    bucketItems: user.bucketItems.map(({ id, title, description, category, targetOn, achievedOn, achievedNote }) => ({
      id,
      title,
      description,
      category,
      targetOn: iso(targetOn)?.slice(0, 10) ?? null,
      achievedOn: iso(achievedOn)?.slice(0, 10) ?? null,
      achievedNote,
    })),
    signInMethods: {
      password: user.passwordHash !== null,
      providers: user.accounts.map((account) => ({ provider: account.provider, email: account.email, linkedAt: account.createdAt.toISOString() })),
      passkeys: user.passkeys.map((passkey) => ({ name: passkey.name, addedAt: passkey.createdAt.toISOString(), lastUsedAt: iso(passkey.lastUsedAt) })),
    },
    devices: user.devices.map((device) => ({
      userAgent: device.userAgent,
      ip: device.ip,
      country: device.country,
      firstSeenAt: device.firstSeenAt.toISOString(),
      lastSeenAt: device.lastSeenAt.toISOString(),
    })),
    // The push service's host, not the endpoint: its path is the browser's address at that service.
    notificationBrowsers: user.pushSubscriptions.map((subscription) => ({
      browser: subscription.userAgent,
      pushService: new URL(subscription.endpoint).host,
      createdAt: subscription.createdAt.toISOString(),
      lastDeliveredAt: iso(subscription.lastSuccessAt),
    })),
    sessions: user.sessions.map((session) => ({
      userAgent: session.userAgent,
      ip: session.ip,
      country: session.country,
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      endedAt: iso(session.revokedAt),
    })),
    signInHistory: user.securityEvents.map((event) => ({
      type: event.type,
      method: event.method,
      ip: event.ip,
      country: event.country,
      userAgent: event.userAgent,
      at: event.createdAt.toISOString(),
    })),
  };
}
