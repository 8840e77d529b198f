import "server-only";
import webpush from "web-push";
import type { VapidKeys } from "@/lib/env";

// One push message to one browser through its push service (RFC 8030). web-push encrypts the
// payload to the browser's keys (RFC 8291, aes128gcm) and signs the VAPID header (RFC 8292); the
// request itself goes out through fetch, which also reaches the tests' stand-in service on plain
// http (web-push's own sender speaks https only).

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

// "gone": the push service no longer knows the subscription (404, 410), which is then deleted. Any
// other refusal, a network error or a timeout throws.
export type PushOutcome = "sent" | "gone";

// A push service that has not answered by then is counted as failed; the reminder's mail does not
// wait for it.
const PUSH_TIMEOUT_MS = 5_000;

export async function sendPush(target: PushTarget, payload: string, vapid: VapidKeys, ttlSeconds: number): Promise<PushOutcome> {
  const request = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
    vapidDetails: vapid,
    TTL: Math.max(0, Math.floor(ttlSeconds)),
    urgency: "high",
    contentEncoding: "aes128gcm",
  });
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  // fetch sets the length of the body itself.
  delete headers["Content-Length"];
  // A redirect is not followed: the stored endpoint is the only address a push goes to.
  const response = await fetch(request.endpoint, { method: "POST", headers, body: new Uint8Array(request.body), redirect: "manual", signal: AbortSignal.timeout(PUSH_TIMEOUT_MS) });
  await response.body?.cancel();
  if (response.status === 404 || response.status === 410) return "gone";
  if (response.status < 200 || response.status >= 300) throw new Error(`push service answered ${response.status}`);
  return "sent";
}
