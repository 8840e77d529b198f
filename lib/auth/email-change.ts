import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestMeta } from "@/lib/http/request-meta";
import { consumeMailAllowance, queueMail } from "@/lib/auth/mail-intents";
import { isMailedTokenSpent, readMailedToken, spendMailedToken } from "@/lib/auth/mailed-tokens";
import { createPasswordResetLink } from "@/lib/auth/password-changes";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { revokeAllPersonalTokens } from "@/lib/auth/personal-tokens";
import { revokeSessions } from "@/lib/auth/sessions";
import { verifyToken } from "@/lib/auth/tokens";
import { sendLater } from "@/lib/mail/later";

// Changing the account's address: asked for with a recent proof (the route declares it), done only
// when the link mailed to the new address is used, then told to the old address with a link that
// undoes it for a week. Works the same for accounts without a password (their address was typed at
// onboarding).

const REVERT_DAYS = 7;

export interface PendingEmailChange {
  newEmail: string;
  createdAt: string;
}

export async function pendingEmailChange(userId: string): Promise<PendingEmailChange | null> {
  const pending = await getDb().emailChange.findFirst({ where: { userId, confirmedAt: null, createdAt: { gt: new Date(Date.now() - 30 * 60_000) } }, orderBy: { createdAt: "desc" } });
  return pending ? { newEmail: pending.newEmail, createdAt: pending.createdAt.toISOString() } : null;
}

// Answers the same whether or not the new address has an account: only its owner learns that, by mail.
export async function requestEmailChange(user: { id: string; sessionId: string }, newEmail: string): Promise<void> {
  const db = getDb();
  const current = await db.user.findUnique({ where: { id: user.id }, select: { email: true } });
  if (!current) throw new ApiError("UNAUTHENTICATED");
  if (current.email === newEmail) throw new ApiError("INVALID_INPUT", { email: "emailSameAsCurrent" });
  await consumeMailAllowance(newEmail);
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true } });
  if (taken) {
    sendLater(() => queueMail({ kind: "EMAIL_IN_USE", address: newEmail }));
    return;
  }
  // One change at a time: asking again replaces the one still waiting for its link.
  const [, change] = await db.$transaction([
    db.emailChange.deleteMany({ where: { userId: user.id, confirmedAt: null } }),
    db.emailChange.create({ data: { userId: user.id, oldEmail: current.email, newEmail, sessionId: user.sessionId } }),
  ]);
  sendLater(() => queueMail({ kind: "EMAIL_CHANGE_CONFIRM", address: newEmail, userId: user.id, details: change.id }));
}

export type EmailChangeResult = "changed" | "invalid" | "taken";

// The link from the new address: the change takes effect, every other session ends, and the old
// address is told (with the undo link).
export async function confirmEmailChange(token: string, meta: RequestMeta): Promise<EmailChangeResult> {
  const mailed = await readMailedToken(token, "EMAIL_CHANGE");
  if (!mailed.ok || !mailed.claims.ref || (await isMailedTokenSpent(mailed.claims))) return "invalid";
  const { user, claims } = mailed;
  const db = getDb();
  const change = await db.emailChange.findFirst({ where: { id: claims.ref, userId: user.id, confirmedAt: null, oldEmail: user.email } });
  if (!change) return "invalid";
  const now = new Date();
  try {
    const spent = await spendMailedToken(
      claims,
      user.id,
      db.user.update({ where: { id: user.id }, data: { email: change.newEmail, emailVerifiedAt: now } }),
      db.emailChange.update({ where: { id: change.id }, data: { confirmedAt: now, revertibleUntil: new Date(now.getTime() + REVERT_DAYS * 86_400_000) } }),
    );
    if (!spent) return "invalid";
  } catch (error) {
    // The new address got an account of its own since the link was sent.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "taken";
    throw error;
  }
  await revokeSessions(user.id, { except: change.sessionId }, meta);
  await recordSecurityEvent({ userId: user.id, type: "EMAIL_CHANGED", reason: `${change.oldEmail} → ${change.newEmail}` }, meta);
  sendLater(() => queueMail({ kind: "EMAIL_CHANGED_NOTICE", address: change.oldEmail, userId: user.id, details: change.id }));
  return "changed";
}

export type EmailRevertResult = { ok: true; resetUrl: string } | { ok: false; reason: "invalid" | "taken" };

// The undo link from the old address, within a week, whatever changed since: the address goes back,
// every session ends, and the owner goes on to a new password (whoever changed it may know it).
export async function revertEmailChange(token: string, meta: RequestMeta): Promise<EmailRevertResult> {
  const verified = await verifyToken(token, "EMAIL_REVERT");
  if (!verified.ok || !verified.claims.ref || (await isMailedTokenSpent(verified.claims))) return { ok: false, reason: "invalid" };
  const { claims } = verified;
  const db = getDb();
  const change = await db.emailChange.findFirst({ where: { id: claims.ref, userId: claims.sub, revertedAt: null, revertibleUntil: { gt: new Date() } } });
  if (!change) return { ok: false, reason: "invalid" };
  try {
    const spent = await spendMailedToken(
      claims,
      change.userId,
      db.user.update({ where: { id: change.userId }, data: { email: change.oldEmail, emailVerifiedAt: new Date() } }),
      db.emailChange.update({ where: { id: change.id }, data: { revertedAt: new Date() } }),
    );
    if (!spent) return { ok: false, reason: "invalid" };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "taken" };
    throw error;
  }
  await revokeSessions(change.userId, "all", meta);
  await revokeAllPersonalTokens(change.userId);
  await recordSecurityEvent({ userId: change.userId, type: "EMAIL_CHANGE_REVERTED", reason: `${change.newEmail} → ${change.oldEmail}` }, meta);
  return { ok: true, resetUrl: await createPasswordResetLink({ id: change.userId, email: change.oldEmail }) };
}
