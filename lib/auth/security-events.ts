import "server-only";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { increment } from "@/lib/metrics";
import type { SecurityEventType } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/http/request-meta";

export interface SecurityEventInput {
  userId: string | null;
  type: SecurityEventType;
  method?: string;
  reason?: string;
  newDevice?: boolean;
  newCountry?: boolean;
}

const SIGN_IN_RESULTS: Partial<Record<SecurityEventType, string>> = {
  LOGIN_FAILURE: "failure",
  LOGIN_LOCKED: "locked",
  MFA_FAILURE: "second_factor_failure",
};

// Never throws: losing an audit row must not fail the sign-in it describes, but it is logged.
export async function recordSecurityEvent(event: SecurityEventInput, meta: RequestMeta): Promise<void> {
  const result = SIGN_IN_RESULTS[event.type];
  if (result) increment("tropical_sign_in_attempts_total", { result, method: event.method ?? "?" });
  try {
    await getDb().securityEvent.create({ data: { ...event, ip: meta.ip, country: meta.country, userAgent: meta.userAgent } });
  } catch (error) {
    log("error", "security event not recorded", { type: event.type, error: String(error) });
  }
}

export interface ActivityView {
  id: string;
  type: SecurityEventType;
  method: string | null;
  reason: string | null;
  ip: string | null;
  country: string | null;
  userAgent: string | null;
  newDevice: boolean;
  newCountry: boolean;
  createdAt: string;
}

export async function listActivity(userId: string, limit = 30): Promise<ActivityView[]> {
  const events = await getDb().securityEvent.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: limit });
  return events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() }));
}

export interface SignInNews {
  newCountry: boolean;
  // The account's first sign-in ever is no news to its owner.
  signedInBefore: boolean;
}

// Records a successful sign-in and says what was new about it: whether the account had signed in
// before, and whether this country (where the proxy tells one) was new to it; the device's novelty
// comes from its DEVICE cookie (lib/auth/devices.ts). One statement reads the history and writes
// the record. Never throws, like recordSecurityEvent; a record that fails claims nothing new, so no
// mail goes out on a guess.
export async function recordSignIn(userId: string, method: string, meta: RequestMeta, newDevice: boolean): Promise<SignInNews> {
  increment("tropical_sign_in_attempts_total", { result: "success", method });
  const { userAgent, ip, country } = meta;
  try {
    const rows = await getDb().$queryRaw<SignInNews[]>`
      WITH earlier AS (
        SELECT
          EXISTS (SELECT 1 FROM "SecurityEvent" WHERE "userId" = ${userId} AND "type" = 'LOGIN_SUCCESS') AS "signedInBefore",
          (${country}::text IS NULL OR EXISTS (SELECT 1 FROM "SecurityEvent" WHERE "userId" = ${userId} AND "type" = 'LOGIN_SUCCESS' AND "country" = ${country}::text)) AS "knownCountry"
      ), recorded AS (
        INSERT INTO "SecurityEvent" ("id", "userId", "type", "method", "ip", "country", "userAgent", "newDevice", "newCountry", "createdAt")
        SELECT ${crypto.randomUUID()}, ${userId}, 'LOGIN_SUCCESS', ${method}, ${ip}, ${country}, ${userAgent}, ${newDevice} AND "signedInBefore", NOT "knownCountry", now()
        FROM earlier
      )
      SELECT NOT "knownCountry" AS "newCountry", "signedInBefore" FROM earlier`;
    return rows[0] ?? { newCountry: false, signedInBefore: false };
  } catch (error) {
    log("error", "security event not recorded", { type: "LOGIN_SUCCESS", error: String(error) });
    return { newCountry: false, signedInBefore: false };
  }
}
