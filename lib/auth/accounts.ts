import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { initialConsents } from "@/lib/consents";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hashing";
import { clearFailures, lockoutState, recordFailure } from "@/lib/auth/login-throttle";
import { issueMfaToken } from "@/lib/auth/mfa";
import { assertStrongPassword } from "@/lib/auth/password-changes";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { consumeMailAllowance, queueMail } from "@/lib/auth/mail-intents";
import { readMailedToken, spendMailedToken } from "@/lib/auth/mailed-tokens";
import { deviceStanding } from "@/lib/auth/devices";
import { assertNotDisabled, finishSignIn } from "@/lib/auth/sign-in";
import { startSignInChallenge } from "@/lib/auth/sign-in-codes";
import type { IssuedSession } from "@/lib/auth/sessions";
import type { RequestMeta } from "@/lib/http/request-meta";
import { sendLater } from "@/lib/mail/later";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";
import type { ProfileUpdate, SignupInput } from "@/lib/validations/auth";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import type { OAuthProvider } from "@/lib/generated/prisma/enums";
import { fromDbProvider, isSocialDbProvider } from "@/lib/auth/oauth-providers";
import { ssoRequiredFor } from "@/lib/auth/sso/connections";

const RESEND_LIMIT: RateLimit = { name: "resend", max: 3, windowSeconds: 10 * 60 };

export async function signUp(input: SignupInput, meta: RequestMeta): Promise<void> {
  assertStrongPassword(input.password, [input.email, input.nickname]);
  await consumeMailAllowance(input.email);
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  const now = new Date();
  try {
    const user = await db.user.create({
      data: {
        email: input.email,
        nickname: input.nickname,
        passwordHash,
        timeZone: meta.timeZone,
        // Local users give their consents here, so there is no separate onboarding step for them.
        onboardingCompletedAt: now,
        consents: { create: initialConsents(input.consents.marketing === true) },
      },
    });
    sendLater(() => queueMail({ kind: "VERIFY_EMAIL", address: user.email, userId: user.id }));
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    // Already registered: the same answer as a new sign-up, and the owner hears about it by mail.
    // Over an account nobody confirmed, the mail offers to set their own password (taking it over)
    // rather than a link that would confirm whatever password someone else chose.
    sendLater(async () => {
      const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, emailVerifiedAt: true } });
      await queueMail(existing && !existing.emailVerifiedAt ? { kind: "UNCONFIRMED_ACCOUNT", address: input.email, userId: existing.id } : { kind: "ALREADY_REGISTERED", address: input.email });
    });
  }
}

export type VerifyEmailResult = "verified" | "expired" | "invalid" | "used";

export async function verifyEmail(token: string | undefined): Promise<VerifyEmailResult> {
  const mailed = await readMailedToken(token, "EMAIL_VERIFY");
  if (!mailed.ok) return mailed.reason;
  const { user, claims } = mailed;
  const verified = getDb().user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } });
  return (await spendMailedToken(claims, user.id, verified)) ? "verified" : "used";
}

export async function resendVerification(email: string): Promise<void> {
  const user = await getDb().user.findUnique({ where: { email }, select: { id: true, email: true, nickname: true, emailVerifiedAt: true } });
  // Limited per address whether or not it has an account or a mail goes out, so the 429 reveals
  // nothing either.
  await consumeRateLimit(RESEND_LIMIT, email);
  await consumeMailAllowance(email);
  if (user && !user.emailVerifiedAt) sendLater(() => queueMail({ kind: "VERIFY_EMAIL", address: user.email, userId: user.id }));
}

export interface PublicUser {
  id: string;
  email: string;
  nickname: string;
  emailVerified: boolean;
  onboardingCompleted: boolean;
  providers: string[];
}

// The second step a password sign-in still needs: the authenticator app's code, or (risk-based, for
// a device the account does not know) a code mailed to the account.
export type SecondStep = "totp" | "email";

export type LogInResult = { kind: "session"; user: PublicUser; session: IssuedSession } | { kind: "mfa"; mfaToken: string; method: SecondStep };

// The password step of every way in that takes one (sign-in, and linking a social sign-in to an
// existing account): refused while the address waits out earlier failures, each failure counted
// and recorded. `forgetFailures` is for the caller to run beside its own work once it lets the user in.
export async function checkPassword(email: string, password: string, meta: RequestMeta, failure: string): Promise<{ user: User; forgetFailures: () => Promise<void> }> {
  // Independent reads side by side: every round trip saved is latency on every sign-in.
  const [user, { secondsLocked: lockedFor, hasFailures }] = await Promise.all([getDb().user.findUnique({ where: { email } }), lockoutState(email)]);
  if (lockedFor > 0) {
    await recordSecurityEvent({ userId: user?.id ?? null, type: "LOGIN_LOCKED", method: "PASSWORD", reason: "waiting out failed attempts" }, meta);
    throw new ApiError("RATE_LIMITED", undefined, lockedFor);
  }
  // verifyPassword hashes a dummy value when there is no user, so both failures take as long.
  const passwordMatches = await verifyPassword(user?.passwordHash, password);
  if (!user || !passwordMatches) {
    const { failures } = await recordFailure(email);
    await recordSecurityEvent({ userId: user?.id ?? null, type: "LOGIN_FAILURE", method: "PASSWORD", reason: `${failure} (${failures} in a row)` }, meta);
    throw new ApiError("INVALID_CREDENTIALS");
  }
  return { user, forgetFailures: async () => (hasFailures ? clearFailures(email) : undefined) };
}

export async function logIn(email: string, password: string, meta: RequestMeta): Promise<LogInResult> {
  // A company that requires its sign-in gets it for every address of its proven domains, before
  // the password is looked at: the same answer whether or not an account exists or the password is
  // right, so it tells no more than the company sign-in button does (that the domain has one).
  // The sign-in code of an unknown device comes after the password, so it is refused with it.
  if (await ssoRequiredFor(email)) throw new ApiError("SSO_REQUIRED");
  const { user, forgetFailures } = await checkPassword(email, password, meta, "wrong credentials");
  if (!user.emailVerifiedAt) throw new ApiError("EMAIL_NOT_VERIFIED");
  assertNotDisabled(user);
  const [, device] = await Promise.all([forgetFailures(), deviceStanding(user.id, meta)]);
  // With two-step verification on, a password alone opens nothing but on a device trusted at the
  // second step; without it, a device the account does not know needs a code mailed to it.
  if (user.totpEnabledAt && !device.trusted) return { kind: "mfa", mfaToken: await issueMfaToken(user, "PASSWORD"), method: "totp" };
  if (!user.totpEnabledAt && device.anyKnown && !device.known) return { kind: "mfa", mfaToken: await startSignInChallenge(user, meta), method: "email" };
  const session = await finishSignIn(user, meta, user.totpEnabledAt ? "PASSWORD+TRUSTED_DEVICE" : "PASSWORD");
  return { kind: "session", user: toPublicUser(user), session };
}

export function toPublicUser(user: {
  id: string;
  email: string;
  nickname: string;
  passwordHash: string | null;
  emailVerifiedAt: Date | null;
  onboardingCompletedAt: Date | null;
  accounts?: { provider: OAuthProvider }[];
}): PublicUser {
  return {
    id: user.id,
    email: user.email,
    nickname: user.nickname,
    emailVerified: user.emailVerifiedAt !== null,
    onboardingCompleted: user.onboardingCompletedAt !== null,
    providers: [...(user.passwordHash ? ["password"] : []), ...(user.accounts ?? []).map((account) => (isSocialDbProvider(account.provider) ? fromDbProvider(account.provider) : "sso"))],
  };
}

export async function updateProfile(userId: string, input: ProfileUpdate): Promise<PublicUser> {
  await getDb().user.updateMany({ where: { id: userId }, data: { nickname: input.nickname } });
  const user = await getPublicUser(userId);
  // A valid token for a deleted account is no session at all.
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return user;
}

export async function getPublicUser(userId: string): Promise<PublicUser | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, include: { accounts: { select: { provider: true } } } });
  return user ? toPublicUser(user) : null;
}
