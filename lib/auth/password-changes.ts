import "server-only";
import { CONSENT_VERSIONS } from "@/lib/consents";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { clearFailures, countProofAttempt } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hashing";
import { MIN_PASSWORD_SCORE, passwordScore } from "@/lib/auth/password-strength";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { noticeAccountDeleted, recordAccountChange } from "@/lib/auth/security-notices";
import { revokeAllPersonalTokens } from "@/lib/auth/personal-tokens";
import { revokeSessions } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/http/request-meta";
import { clearDeviceTrust, forgetAllDevices } from "@/lib/auth/devices";
import { recentFactors, removeFactors, type RecentFactor } from "@/lib/auth/recent-factors";
import { signToken } from "@/lib/auth/tokens";
import { consumeMailAllowance, queueMail } from "@/lib/auth/mail-intents";
import { isMailedTokenSpent, readMailedToken, spendMailedToken } from "@/lib/auth/mailed-tokens";
import { sendLater } from "@/lib/mail/later";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";

const RESET_REQUEST_LIMIT: RateLimit = { name: "password-reset", max: 3, windowSeconds: 10 * 60 };

// Refuses a new password zxcvbn finds guessable, counting the user's own e-mail and nickname as clues.
export function assertStrongPassword(password: string, clues: string[], field = "password"): void {
  if (passwordScore(password, clues) < MIN_PASSWORD_SCORE) throw new ApiError("INVALID_INPUT", { [field]: "passwordTooWeak" });
}

export async function createPasswordResetLink(user: { id: string; email: string }): Promise<string> {
  const { token } = await signToken("PASSWORD_RESET", { sub: user.id, email: user.email });
  return `${getEnv().APP_URL}/reset-password?token=${encodeURIComponent(token)}`;
}

// Always the same answer; the mail goes only to an existing account. Never affected by a login lock.
export async function requestPasswordReset(email: string): Promise<void> {
  await consumeRateLimit(RESET_REQUEST_LIMIT, email);
  await consumeMailAllowance(email);
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (user) sendLater(() => queueMail({ kind: "PASSWORD_RESET", address: user.email, userId: user.id }));
}

// A reset token is good while unused, unexpired, for the account's current address, and newer than
// the last password change.
async function checkResetToken(token: string) {
  const mailed = await readMailedToken(token, "PASSWORD_RESET");
  if (!mailed.ok) return null;
  const { user, claims } = mailed;
  // iat has one-second resolution: a link from the very second of a change is void too (fail safe).
  if (user.passwordChangedAt && claims.iat <= Math.floor(user.passwordChangedAt.getTime() / 1000)) return null;
  return (await isMailedTokenSpent(claims)) ? null : mailed;
}

// What a reset link's page shows before the new password is set: the ways in added lately, which
// the user may remove in the same step. The link is not spent by looking.
export async function reviewReset(token: string): Promise<RecentFactor[]> {
  const checked = await checkResetToken(token);
  if (!checked) throw new ApiError("INVALID_INPUT", { token: "resetLinkInvalid" });
  return recentFactors(checked.user.id);
}

export async function resetPassword(token: string, password: string, remove: string[], meta: RequestMeta): Promise<void> {
  const checked = await checkResetToken(token);
  if (!checked) throw new ApiError("INVALID_INPUT", { token: "resetLinkInvalid" });
  const { user, claims } = checked;
  assertStrongPassword(password, [user.email, user.nickname]);
  const passwordHash = await hashPassword(password);
  const db = getDb();
  const now = new Date();
  // The link arrived by mail, which also proves the address.
  const update = db.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: now, emailVerifiedAt: user.emailVerifiedAt ?? now } });
  const claimed = user.emailVerifiedAt === null;
  const recent = await recentFactors(user.id);
  const removals = removeFactors(user.id, remove, recent);
  if (!(await spendMailedToken(claims, user.id, update, ...removals, ...(claimed ? unprovenCredentialsDropped(user.id) : [])))) {
    throw new ApiError("INVALID_INPUT", { token: "resetLinkInvalid" });
  }
  await revokeSessions(user.id, "all", meta);
  await revokeAllPersonalTokens(user.id);
  await clearDeviceTrust(user.id);
  await clearFailures(user.email);
  await recordAccountChange(user.id, "PASSWORD_RESET", meta, { method: "EMAIL" });
  const removed = recent.filter((factor) => remove.includes(factor.id));
  if (removed.length) {
    await recordSecurityEvent({ userId: user.id, type: "ACCOUNT_SECURED", reason: `removed while resetting the password: ${removed.map((factor) => factor.name).join(", ")}` }, meta);
  }
  if (claimed) await recordAccountChange(user.id, "UNPROVEN_CREDENTIALS_DROPPED", meta, { reason: "the reset link confirmed an address nobody had confirmed" });
}

// An account nobody had confirmed is taken over by whoever proves its mailbox: anything added to it
// before then (a second factor, a passkey, a provider, a marketing opt-in given in someone's name)
// was never the mailbox owner's and goes (pre-account hijacking).
function unprovenCredentialsDropped(userId: string): Prisma.PrismaPromise<unknown>[] {
  const db = getDb();
  return [
    db.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.passkey.deleteMany({ where: { userId } }),
    db.account.deleteMany({ where: { userId } }),
    db.consent.create({ data: { userId, kind: "MARKETING", version: CONSENT_VERSIONS.MARKETING, granted: false } }),
  ];
}

// "This wasn't me" from the new-device mail: every session ends at once; the link then goes on to
// the reset form, where the same token sets a new password.
export async function secureAccount(token: string, meta: RequestMeta): Promise<boolean> {
  const checked = await checkResetToken(token);
  if (!checked) return false;
  await revokeSessions(checked.user.id, "all", meta);
  await revokeAllPersonalTokens(checked.user.id);
  // Every device is a stranger again: a thief's browser asks for a code like any other.
  await forgetAllDevices(checked.user.id);
  await recordSecurityEvent({ userId: checked.user.id, type: "ACCOUNT_SECURED", reason: "'this wasn't me' link" }, meta);
  return true;
}

export async function changePassword(userId: string, sessionId: string | undefined, current: string, next: string, meta: RequestMeta): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  // First, since it tells nothing of the current password: trying new ones spends no proof attempt.
  assertStrongPassword(next, [user.email, user.nickname], "newPassword");
  await countProofAttempt(userId);
  if (!(await verifyPassword(user.passwordHash, current))) throw new ApiError("INVALID_INPUT", { currentPassword: "passwordWrong" });
  await storePassword(userId, sessionId, next, meta);
}

// "Set a password" for an account that signed up with a provider or a passkey: the recent proof
// the route declares stands where the current password would (there is none to ask for). The
// update is conditional, so two racing requests cannot both set one, and an account with a
// password changes it with the current one instead.
export async function setPassword(userId: string, sessionId: string, next: string, meta: RequestMeta): Promise<void> {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  if (user.passwordHash) throw new ApiError("CONFLICT_STATE");
  assertStrongPassword(next, [user.email, user.nickname], "newPassword");
  await storePassword(userId, sessionId, next, meta, true);
}

// The one way a signed-in user's new password is written: this session stays, every other ends,
// and the owner is told. A first password is written only while there is none (one set meanwhile
// by another request wins) and is recorded with the method SET.
async function storePassword(userId: string, sessionId: string | undefined, next: string, meta: RequestMeta, first = false): Promise<void> {
  const passwordHash = await hashPassword(next);
  const updated = await getDb().user.updateMany({ where: { id: userId, ...(first ? { passwordHash: null } : {}) }, data: { passwordHash, passwordChangedAt: new Date() } });
  if (updated.count === 0) throw new ApiError(first ? "CONFLICT_STATE" : "UNAUTHENTICATED");
  await revokeSessions(userId, sessionId ? { except: sessionId } : "all", meta);
  await recordAccountChange(userId, "PASSWORD_CHANGED", meta, first ? { method: "SET" } : {});
}

// Deleting needs a recent proof (the route declares it), like any change to how someone signs in.
export async function deleteAccount(userId: string, meta: RequestMeta): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  // Everything the user owns goes with them (ON DELETE CASCADE).
  await db.user.delete({ where: { id: userId } });
  await clearFailures(user.email);
  noticeAccountDeleted(user.email, meta);
}
