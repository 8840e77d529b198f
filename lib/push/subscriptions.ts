import "server-only";
import { isIP } from "node:net";
import { describeDevice } from "@/lib/auth/device";
import { getDb } from "@/lib/db";
import { getEnv, type VapidKeys } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { log } from "@/lib/log";
import { sendPush, type PushTarget } from "@/lib/push/send";

// The browsers that take a user's notifications. A subscription is made in the browser with the
// app's VAPID public key, so only this server can push to it; the server stores where to post and the
// keys to encrypt to. Signing every device out (or the others) deletes them all, as it ends the
// calendar subscription URL (lib/auth/sessions.ts); deleting the account deletes them with it.

// Old browsers a user forgot are dropped first beyond this many.
const MAX_SUBSCRIPTIONS_PER_USER = 20;

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

// NOTE: the server posts to whatever endpoint a signed-in user names, so the endpoint is held to
// what push services use: https on the default port, by a DNS name (no IP literal, no localhost or
// single-label intranet name). That keeps a subscription from aiming the server's requests at
// addresses inside its own network (ASVS V1.3.6). The tests' stand-in service listens on
// http://127.0.0.1, allowed outside production and where the test stack sets PUSH_LOOPBACK_ENDPOINTS.
export function isAllowedPushEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const { NODE_ENV, PUSH_LOOPBACK_ENDPOINTS } = getEnv();
  if (url.protocol === "http:") return (NODE_ENV !== "production" || PUSH_LOOPBACK_ENDPOINTS === "on") && url.hostname === "127.0.0.1";
  const host = url.hostname.replace(/\.$/, "");
  return url.protocol === "https:" && url.port === "" && isIP(host.replace(/^\[|\]$/g, "")) === 0 && host.includes(".") && !/(^|\.)localhost$/i.test(host);
}

// Push routes do not exist while push is not configured.
export function requirePushKeys(): VapidKeys {
  const vapid = getEnv().VAPID;
  if (!vapid) throw new ApiError("NOT_FOUND");
  return vapid;
}

// Stores the browser's subscription for the user, or moves it to them from whoever had that browser
// before, with its current keys.
export async function savePushSubscription(userId: string, input: PushSubscriptionInput, userAgent: string | null): Promise<void> {
  requirePushKeys();
  if (!isAllowedPushEndpoint(input.endpoint)) throw new ApiError("INVALID_INPUT", { endpoint: "invalidValue" });
  const db = getDb();
  const data = { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: userAgent ? describeDevice(userAgent) : null };
  await db.pushSubscription.upsert({ where: { endpoint: input.endpoint }, create: { endpoint: input.endpoint, ...data }, update: data });
  const kept = await db.pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, skip: MAX_SUBSCRIPTIONS_PER_USER, select: { id: true } });
  if (kept.length) await db.pushSubscription.deleteMany({ where: { id: { in: kept.map((row) => row.id) } } });
}

// Another user's endpoint is left alone: the answer is the same either way.
export async function deletePushSubscription(userId: string, endpoint: string): Promise<void> {
  await getDb().pushSubscription.deleteMany({ where: { userId, endpoint } });
}

export async function pushEndpointsOf(userId: string): Promise<string[]> {
  const rows = await getDb().pushSubscription.findMany({ where: { userId }, select: { endpoint: true } });
  return rows.map((row) => row.endpoint);
}

export interface PushRun {
  sent: number;
  failed: number;
  gone: number;
}

// One message to every browser of the user, at once. A push service that fails or hangs costs its own
// notification and nothing else (logged, not retried). A subscription the service no longer knows is
// deleted; one that took the message records when.
export async function pushToUser(userId: string, payload: string, ttlSeconds: number): Promise<PushRun> {
  const run: PushRun = { sent: 0, failed: 0, gone: 0 };
  const vapid = getEnv().VAPID;
  if (!vapid) return run;
  const db = getDb();
  const targets = await db.pushSubscription.findMany({ where: { userId }, select: { id: true, endpoint: true, p256dh: true, auth: true } });
  await Promise.all(
    targets.map(async (target: PushTarget & { id: string }) => {
      const outcome = await sendPush(target, payload, vapid, ttlSeconds).catch((error: unknown): "failed" => {
        // The host only: the endpoint's path identifies the browser to its push service.
        log("warn", "push failed", { host: new URL(target.endpoint).host, error: String(error).slice(0, 300) });
        return "failed";
      });
      run[outcome]++;
      if (outcome === "gone") await db.pushSubscription.deleteMany({ where: { id: target.id } });
      if (outcome === "sent") await db.pushSubscription.updateMany({ where: { id: target.id }, data: { lastSuccessAt: new Date() } });
    }),
  );
  return run;
}
