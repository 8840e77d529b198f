import "server-only";
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PendingSignup, User } from "@/lib/generated/prisma/client";
import { initialConsents } from "@/lib/consents";
import { checkPassword } from "@/lib/auth/accounts";
import { consumeMailAllowance } from "@/lib/auth/mail-intents";
import { fromDbProvider, isSocialDbProvider } from "@/lib/auth/oauth-providers";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { recordAccountChange } from "@/lib/auth/security-notices";
import type { RequestMeta } from "@/lib/http/request-meta";
import { finishSignIn } from "@/lib/auth/sign-in";
import { signInLinkedUser, type SocialOutcome } from "@/lib/auth/social-sign-in";
import { assertSsoNotRequired } from "@/lib/auth/sso/connections";
import { PROVIDER_NAMES, type SocialProvider } from "@/lib/auth/social-providers";
import { verifyToken } from "@/lib/auth/tokens";
import { sendLater } from "@/lib/mail/later";
import { sendMail } from "@/lib/mail/send";
import { emailCodeMail } from "@/lib/mail/templates";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";
import type { OnboardingInput } from "@/lib/validations/social";

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const CODE_ATTEMPTS = 5;
// Codes per pending sign-up: a few typos and resends, not a mail cannon.
const CODES_PER_SIGNUP: RateLimit = { name: "onboarding-code", max: 5, windowSeconds: 30 * 60 };

// The pending sign-up the ONBOARDING cookie names, if it is still open. Every onboarding call goes
// through here; no other API accepts the token (tokens.ts pins the type per verifier).
export async function loadPendingSignup(token: string | undefined): Promise<PendingSignup> {
  const verified = await verifyToken(token, "ONBOARDING");
  if (!verified.ok) throw new ApiError("UNAUTHENTICATED");
  const pending = await getDb().pendingSignup.findUnique({ where: { id: verified.claims.sub } });
  if (!pending || pending.completedAt || pending.expiresAt < new Date()) throw new ApiError("UNAUTHENTICATED");
  return pending;
}

export interface OnboardingView {
  // "sso" for a company sign-in, named by its connection.
  provider: SocialProvider | "sso";
  connectionName: string | null;
  name: string | null;
  email: string | null;
  emailVerified: boolean;
  // Set when a verified address already has a confirmed account: the user must prove it to link.
  existingAccount: { hasPassword: boolean; provenByCode: boolean } | null;
  // The verified address has an account nobody ever confirmed: finishing onboarding replaces it.
  replacesUnconfirmed: boolean;
  expiresAt: string;
}

export async function describePendingSignup(pending: PendingSignup): Promise<OnboardingView> {
  const verifiedEmail = pending.emailVerifiedAt ? pending.email : null;
  const [existing, connection] = await Promise.all([
    verifiedEmail ? getDb().user.findUnique({ where: { email: verifiedEmail }, select: { passwordHash: true, emailVerifiedAt: true } }) : null,
    pending.ssoConnectionId ? getDb().ssoConnection.findUnique({ where: { id: pending.ssoConnectionId }, select: { name: true } }) : null,
  ]);
  const confirmed = existing?.emailVerifiedAt ? existing : null;
  return {
    provider: isSocialDbProvider(pending.provider) ? fromDbProvider(pending.provider) : "sso",
    connectionName: connection?.name ?? null,
    name: pending.name,
    email: pending.email,
    emailVerified: pending.emailVerifiedAt !== null,
    existingAccount: confirmed ? { hasPassword: confirmed.passwordHash !== null, provenByCode: pending.emailProvenByCode } : null,
    replacesUnconfirmed: existing !== null && confirmed === null,
    expiresAt: pending.expiresAt.toISOString(),
  };
}

function hashCode(pendingId: string, code: string): string {
  return createHmac("sha256", getEnv().AUTH_SECRET).update(`onboarding-code:${pendingId}:${code}`).digest("hex");
}

// Mails a six-digit code to the address the user wants (or the provider's own, to prove ownership
// of an account there). Until the code is entered the address is not trusted.
export async function sendEmailCode(pending: PendingSignup, email: string): Promise<void> {
  await assertAddressOpenTo(pending, email);
  await consumeRateLimit(CODES_PER_SIGNUP, pending.id);
  await consumeMailAllowance(email);
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const sameAddress = email === pending.email;
  await getDb().pendingSignup.update({
    where: { id: pending.id },
    data: {
      email,
      // A new address forgets the old one's trust; re-proving the provider's own keeps it.
      emailVerifiedAt: sameAddress ? pending.emailVerifiedAt : null,
      emailProvenByCode: false,
      codeHash: hashCode(pending.id, code),
      codeExpiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
      codeAttempts: 0,
    },
  });
  sendLater(() => sendMail(emailCodeMail(email, code)));
}

export async function verifyEmailCode(pending: PendingSignup, code: string): Promise<void> {
  if (!pending.codeHash || !pending.codeExpiresAt || pending.codeExpiresAt < new Date()) throw new ApiError("INVALID_INPUT", { code: "codeExpired" });
  // Counted before comparing, atomically: parallel guesses cannot share one attempt.
  const counted = await getDb().pendingSignup.updateMany({ where: { id: pending.id, codeHash: pending.codeHash, codeAttempts: { lt: CODE_ATTEMPTS } }, data: { codeAttempts: { increment: 1 } } });
  if (counted.count === 0) throw new ApiError("INVALID_INPUT", { code: "codeExpired" });
  const expected = Buffer.from(pending.codeHash, "hex");
  const given = Buffer.from(hashCode(pending.id, code), "hex");
  if (!timingSafeEqual(expected, given)) throw new ApiError("INVALID_INPUT", { code: "codeWrong" });
  await getDb().pendingSignup.update({
    where: { id: pending.id },
    data: { emailVerifiedAt: new Date(), emailProvenByCode: true, codeHash: null, codeExpiresAt: null },
  });
}

// Marks the pending sign-up spent; only one of two racing completions gets past this.
async function spendPendingSignup(tx: Prisma.TransactionClient, pendingId: string): Promise<void> {
  const spent = await tx.pendingSignup.updateMany({ where: { id: pendingId, completedAt: null, expiresAt: { gt: new Date() } }, data: { completedAt: new Date() } });
  if (spent.count !== 1) throw new ApiError("UNAUTHENTICATED");
}

function verifiedEmailOf(pending: PendingSignup): string {
  if (!pending.email || !pending.emailVerifiedAt) throw new ApiError("INVALID_INPUT", { email: "emailUnverified" });
  return pending.email;
}

// An address whose company requires its own sign-in gets neither an account nor a link by another
// way in, whichever address the provider gave or the user typed (lib/auth/sso/connections.ts).
async function assertAddressOpenTo(pending: PendingSignup, email: string): Promise<void> {
  if (pending.provider !== "SSO") await assertSsoNotRequired(email);
}

// A new account for a first-time social user: consents recorded in the ledger, the provider linked,
// the e-mail trusted because the provider or our code verified it, and a session.
//
// An account at that address that was never confirmed is replaced, not joined: whoever made it never
// proved the mailbox, so nothing it holds (a password, consents given in someone's name) may carry
// over to the person who just did (pre-account hijacking).
export async function completeOnboarding(pending: PendingSignup, input: OnboardingInput, meta: RequestMeta): Promise<SocialOutcome> {
  const email = verifiedEmailOf(pending);
  await assertAddressOpenTo(pending, email);
  const db = getDb();
  const now = new Date();
  try {
    const { user, replaced } = await db.$transaction(async (tx) => {
      await spendPendingSignup(tx, pending.id);
      const removed = await tx.user.deleteMany({ where: { email, emailVerifiedAt: null } });
      const created = await tx.user.create({
        data: {
          email,
          nickname: input.nickname,
          timeZone: meta.timeZone,
          emailVerifiedAt: now,
          onboardingCompletedAt: now,
          consents: { create: initialConsents(input.consents.marketing === true) },
          accounts: { create: { provider: pending.provider, providerAccountId: pending.providerAccountId, ssoConnectionId: pending.ssoConnectionId, email: pending.email, lastUsedAt: now } },
        },
      });
      return { user: created, replaced: removed.count > 0 };
    });
    if (replaced) await recordSecurityEvent({ userId: user.id, type: "UNCONFIRMED_ACCOUNT_REPLACED", method: pending.provider, reason: "an unconfirmed sign-up with this address was removed" }, meta);
    return { kind: "session", session: await finishSignIn(user, meta, pending.provider) };
  } catch (error) {
    // The address got an account meanwhile (or this identity was linked): the user links instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ApiError("ACCOUNT_EXISTS");
    throw error;
  }
}

// Links the provider identity to the account that already owns the verified address, once the user
// proves that account is theirs: its password, or the code we mailed to that address. A matching
// e-mail alone is never enough (a provider could vouch for an address it does not control).
export async function linkToExistingAccount(pending: PendingSignup, password: string | undefined, meta: RequestMeta): Promise<SocialOutcome> {
  const email = verifiedEmailOf(pending);
  await assertAddressOpenTo(pending, email);
  const db = getDb();
  let user: User | null;
  if (password !== undefined) {
    const checked = await checkPassword(email, password, meta, `wrong password while linking ${pending.provider}`);
    if (!checked.user.emailVerifiedAt) throw new ApiError("EMAIL_NOT_VERIFIED");
    await checked.forgetFailures();
    user = checked.user;
  } else if (pending.emailProvenByCode) {
    user = await db.user.findUnique({ where: { email } });
  } else {
    throw new ApiError("INVALID_INPUT", { password: "proofRequired" });
  }
  // Only a confirmed account is linked to. One nobody confirmed is replaced by finishing onboarding
  // instead (completeOnboarding): a code proving the mailbox must not vouch for its password.
  if (!user?.emailVerifiedAt) throw new ApiError("CONFLICT_STATE");
  await db.$transaction(async (tx) => {
    await spendPendingSignup(tx, pending.id);
    await tx.account.create({
      data: { userId: user.id, provider: pending.provider, providerAccountId: pending.providerAccountId, ssoConnectionId: pending.ssoConnectionId, email: pending.email, lastUsedAt: new Date() },
    });
  });
  await recordAccountChange(user.id, "PROVIDER_LINKED", meta, {
    method: pending.provider,
    reason: password !== undefined ? "proved with the password" : "proved with a mailed code",
    detail: isSocialDbProvider(pending.provider) ? PROVIDER_NAMES[fromDbProvider(pending.provider)] : "SSO",
  });
  return signInLinkedUser(user, password !== undefined ? "PASSWORD" : pending.provider, meta);
}
