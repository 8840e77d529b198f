import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { RequestMeta } from "@/lib/http/request-meta";
import { hashDeviceId } from "@/lib/auth/devices";
import { deviceDetails, queueMail } from "@/lib/auth/mail-intents";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { signToken } from "@/lib/auth/tokens";
import { sendLater } from "@/lib/mail/later";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";

// Risk-based step-up (the design's 리스크 기반 인증): a correct password from a device the account
// does not know, on an account without a second factor, signs in only with a code mailed to the
// account. The code is made when the mail is sent and only its keyed hash is kept.

const CODE_MINUTES = 10;
const CODE_ATTEMPTS = 5;
// Codes per account: a few retries, not a way to flood the owner's inbox with a known password.
const CODES_PER_ACCOUNT: RateLimit = { name: "sign-in-code", max: 5, windowSeconds: 30 * 60 };

function hashCode(challengeId: string, code: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`sign-in-code:${challengeId}:${code}`).digest("hex");
}

// Answers the MFA token that the second step takes with the mailed code.
export async function startSignInChallenge(user: { id: string; email: string }, meta: RequestMeta): Promise<string> {
  await consumeRateLimit(CODES_PER_ACCOUNT, user.id);
  const challenge = await getDb().signInChallenge.create({
    data: { userId: user.id, deviceHash: hashDeviceId(meta.device.id), expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000) },
  });
  await recordSecurityEvent({ userId: user.id, type: "SIGN_IN_CODE_SENT", method: "PASSWORD" }, meta);
  sendLater(() => queueMail({ kind: "SIGN_IN_CODE", address: user.email, userId: user.id, details: JSON.stringify({ challengeId: challenge.id, device: JSON.parse(deviceDetails(meta)) }) }));
  return (await signToken("MFA", { sub: user.id, email: user.email, via: "PASSWORD", ref: challenge.id })).token;
}

// For the mail, when it is sent: a new code for the challenge (a retried mail replaces the last).
export async function issueSignInCode(challengeId: string): Promise<string | null> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const updated = await getDb().signInChallenge.updateMany({ where: { id: challengeId, expiresAt: { gt: new Date() } }, data: { codeHash: hashCode(challengeId, code), attempts: 0 } });
  return updated.count === 1 ? code : null;
}

// Counted before comparing, atomically; good once, on the browser that asked, within ten minutes.
export async function checkSignInCode(userId: string, challengeId: string, code: string, meta: RequestMeta): Promise<boolean> {
  const db = getDb();
  const challenge = await db.signInChallenge.findFirst({ where: { id: challengeId, userId, expiresAt: { gt: new Date() } } });
  if (!challenge?.codeHash || challenge.deviceHash !== hashDeviceId(meta.device.id)) return false;
  const counted = await db.signInChallenge.updateMany({ where: { id: challengeId, codeHash: challenge.codeHash, attempts: { lt: CODE_ATTEMPTS } }, data: { attempts: { increment: 1 } } });
  if (counted.count === 0) return false;
  const expected = Buffer.from(challenge.codeHash, "hex");
  if (!timingSafeEqual(expected, Buffer.from(hashCode(challengeId, code), "hex"))) return false;
  const spent = await db.signInChallenge.deleteMany({ where: { id: challengeId } });
  return spent.count === 1;
}

// The sign-in was given up at the second step: its code is no good any more.
export async function voidSignInChallenge(userId: string, challengeId: string): Promise<void> {
  await getDb().signInChallenge.deleteMany({ where: { id: challengeId, userId } });
}
