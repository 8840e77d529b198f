import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { describeDevice } from "@/lib/auth/device";
import { recordSecurityEvent } from "@/lib/auth/security-events";

// Devices an account has signed in from, recognised by the DEVICE cookie (lib/auth/cookies.ts)
// rather than by the user agent, so a browser update is not a new device. A device the account
// does not know makes a password sign-in ask for a mailed code (risk-based step-up, accounts.ts);
// with two-step verification, a device trusted at the second step skips the code for 30 days.

export const TRUST_DAYS = 30;
// The most devices kept per account; the longest unseen go first.
const MAX_DEVICES = 50;

export function hashDeviceId(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

export interface DeviceStanding {
  // This browser has signed in to the account before.
  known: boolean;
  // And was trusted at the second step, still within its 30 days.
  trusted: boolean;
  // The account has signed in from anywhere before (a first sign-in is never a risk to ask about).
  anyKnown: boolean;
}

export async function deviceStanding(userId: string, meta: RequestMeta): Promise<DeviceStanding> {
  const hash = hashDeviceId(meta.device.id);
  const rows = await getDb().$queryRaw<{ known: boolean; trusted: boolean }[]>`
    SELECT "deviceHash" = ${hash} AS known, ("deviceHash" = ${hash} AND "trustedUntil" > now()) AS trusted
    FROM "KnownDevice" WHERE "userId" = ${userId}
    ORDER BY ("deviceHash" = ${hash}) DESC LIMIT 1`;
  const row = rows[0];
  return { known: row?.known ?? false, trusted: row?.trusted ?? false, anyKnown: row !== undefined };
}

// Remembers this device at a sign-in; answers whether it was new to the account. One statement.
export async function rememberDevice(userId: string, meta: RequestMeta): Promise<boolean> {
  const db = getDb();
  const rows = await db.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO "KnownDevice" ("id", "userId", "deviceHash", "userAgent", "ip", "country", "firstSeenAt", "lastSeenAt")
    VALUES (${crypto.randomUUID()}, ${userId}, ${hashDeviceId(meta.device.id)}, ${meta.userAgent}, ${meta.ip}, ${meta.country}, now(), now())
    ON CONFLICT ("userId", "deviceHash") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt", "userAgent" = EXCLUDED."userAgent", "ip" = EXCLUDED."ip", "country" = EXCLUDED."country"
    RETURNING (xmax = 0) AS inserted`;
  const inserted = rows[0]?.inserted ?? false;
  if (inserted) {
    await db.$executeRaw`
      DELETE FROM "KnownDevice" WHERE "userId" = ${userId} AND "id" NOT IN (
        SELECT "id" FROM "KnownDevice" WHERE "userId" = ${userId} ORDER BY "lastSeenAt" DESC LIMIT ${MAX_DEVICES})`;
  }
  return inserted;
}

export async function trustDevice(userId: string, meta: RequestMeta): Promise<void> {
  await getDb().knownDevice.updateMany({ where: { userId, deviceHash: hashDeviceId(meta.device.id) }, data: { trustedUntil: new Date(Date.now() + TRUST_DAYS * 86_400_000) } });
  await recordSecurityEvent({ userId, type: "DEVICE_TRUSTED", reason: describeDevice(meta.userAgent) }, meta);
}

// After a reset, trust must be earned again: a thief's trusted browser no longer skips the code.
export async function clearDeviceTrust(userId: string): Promise<void> {
  await getDb().knownDevice.updateMany({ where: { userId, trustedUntil: { not: null } }, data: { trustedUntil: null } });
}

// "This wasn't me": no device is known any more, so every password sign-in asks for a code again.
export async function forgetAllDevices(userId: string): Promise<void> {
  await getDb().knownDevice.deleteMany({ where: { userId } });
}

export interface DeviceView {
  id: string;
  name: string;
  ip: string | null;
  country: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  trustedUntil: string | null;
  current: boolean;
}

// `current`: the device the list is shown on, by its cookie (the API) or by the session (a page).
export async function listDevices(userId: string, current: { meta: RequestMeta } | { sessionId: string }): Promise<DeviceView[]> {
  const hash = "meta" in current ? hashDeviceId(current.meta.device.id) : (await getDb().session.findUnique({ where: { id: current.sessionId }, select: { deviceHash: true } }))?.deviceHash;
  const devices = await getDb().knownDevice.findMany({ where: { userId }, orderBy: { lastSeenAt: "desc" } });
  const now = Date.now();
  return devices.map((device) => ({
    id: device.id,
    name: describeDevice(device.userAgent),
    ip: device.ip,
    country: device.country,
    firstSeenAt: device.firstSeenAt.toISOString(),
    lastSeenAt: device.lastSeenAt.toISOString(),
    trustedUntil: device.trustedUntil && device.trustedUntil.getTime() > now ? device.trustedUntil.toISOString() : null,
    current: device.deviceHash === hash,
  }));
}

// Protective, so no step-up: the device is unknown again (the next password sign-in there asks
// for a code, or the second factor).
export async function forgetDevice(userId: string, id: string, meta: RequestMeta): Promise<void> {
  const deleted = await getDb().knownDevice.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ApiError("NOT_FOUND");
  await recordSecurityEvent({ userId, type: "DEVICE_FORGOTTEN" }, meta);
}
