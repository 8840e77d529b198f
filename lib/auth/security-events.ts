import "server-only";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";
import { increment } from "@/lib/metrics";
import type { SecurityEventType } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/auth/sessions";

export interface SecurityEventInput {
  userId: string | null;
  type: SecurityEventType;
  method?: string;
  reason?: string;
  newDevice?: boolean;
  newCountry?: boolean;
}

const SIGN_IN_RESULTS: Partial<Record<SecurityEventType, string>> = {
  LOGIN_SUCCESS: "success",
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

// A device is new to an account when no earlier successful sign-in came from the same browser and
// system (the user agent), whatever the IP; a country likewise, where the proxy tells us one.
export async function unfamiliarSignIn(userId: string, meta: RequestMeta): Promise<{ newDevice: boolean; newCountry: boolean }> {
  const db = getDb();
  const [device, country] = await Promise.all([
    meta.userAgent ? db.securityEvent.findFirst({ where: { userId, type: "LOGIN_SUCCESS", userAgent: meta.userAgent }, select: { id: true } }) : { id: "" },
    meta.country ? db.securityEvent.findFirst({ where: { userId, type: "LOGIN_SUCCESS", country: meta.country }, select: { id: true } }) : { id: "" },
  ]);
  return { newDevice: !device, newCountry: !country };
}
