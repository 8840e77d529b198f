import "server-only";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { countProofAttempt } from "@/lib/auth/login-throttle";
import { consumeSecondFactor } from "@/lib/auth/mfa";
import type { OAuthProvider } from "@/lib/generated/prisma/enums";
import { fromDbProvider, isSocialDbProvider, toDbProvider, type ProviderIdentity } from "@/lib/auth/oauth-providers";
import { verifyPassword } from "@/lib/auth/password-hashing";
import { verifyOwnPasskey } from "@/lib/auth/passkeys";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import type { SocialProvider } from "@/lib/auth/social-providers";

// Step-up (re-authentication). Changing how someone signs in — a passkey, a provider, two-step
// verification, recovery codes, the password or e-mail, deleting the account, admin actions — needs
// a proof of identity this recent in the session making the change, with the strongest factor the
// account has: the password (and the second factor when it is on), a passkey, or a provider round
// trip (a social provider or the company's sign-in) for an account without a password. The proof time lives on the session row; a sign-in with
// such a proof starts the session fresh. A stolen session alone therefore cannot add a way in.
export const RECENT_PROOF_SECONDS = 10 * 60;

export interface ProofAccount {
  passwordHash: string | null;
  totpEnabledAt: Date | null;
  role: "USER" | "ADMIN";
}

// An administrator's second factor is required (lib/auth/guard.ts); one whose second factor is a
// passkey (no TOTP) proves both only with it: the password or a provider alone is one factor.
function passkeyIsAdminSecondFactor(account: ProofAccount, passkeys: number): boolean {
  return account.role === "ADMIN" && account.totpEnabledAt === null && passkeys > 0;
}

export async function onlyPasskeyProves(account: ProofAccount & { id: string }): Promise<boolean> {
  if (account.role !== "ADMIN" || account.totpEnabledAt !== null) return false;
  return passkeyIsAdminSecondFactor(account, await getDb().passkey.count({ where: { userId: account.id } }));
}

// Whether a way in, as finishSignIn names it ("PASSWORD", "PASSWORD+TOTP", "PASSKEY", "GOOGLE",
// "KAKAO+RECOVERY_CODE", "PASSWORD+TRUSTED_DEVICE"…), proves the account's strongest factor.
export function provesStrongestFactor(method: string, account: ProofAccount, passkeyOnly: boolean): boolean {
  const [first, second] = method.split("+");
  if (first === "PASSKEY") return true;
  if (passkeyOnly) return false;
  const secondFactorMet = account.totpEnabledAt === null || second === "TOTP" || second === "RECOVERY_CODE";
  if (first === "PASSWORD") return secondFactorMet;
  // A provider stands in for the password only where there is none.
  return account.passwordHash === null && secondFactorMet;
}

async function markProven(userId: string, sessionId: string, method: string, meta: RequestMeta): Promise<Date> {
  const now = new Date();
  const updated = await getDb().session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { reauthenticatedAt: now } });
  if (updated.count === 0) throw new ApiError("UNAUTHENTICATED");
  await recordSecurityEvent({ userId, type: "REAUTHENTICATED", method }, meta);
  return new Date(now.getTime() + RECENT_PROOF_SECONDS * 1000);
}

// Declared by routes (lib/http/route.ts `recentProof`): refuses with REAUTHENTICATION_REQUIRED,
// which the settings pages answer by asking for the proof and then retrying.
export async function assertRecentProof(sessionId: string): Promise<void> {
  const session = await getDb().session.findUnique({ where: { id: sessionId }, select: { reauthenticatedAt: true } });
  const at = session?.reauthenticatedAt?.getTime() ?? 0;
  if (Date.now() - at > RECENT_PROOF_SECONDS * 1000) throw new ApiError("REAUTHENTICATION_REQUIRED");
}

export interface StepUpStatus {
  // Until when this session may make changes without proving itself again; null when it must now.
  freshUntil: string | null;
  // The ways this account can prove itself.
  password: boolean;
  totp: boolean;
  passkey: boolean;
  providers: SocialProvider[];
  // The company sign-in the account came in by (lib/auth/sso/), for an account without a password.
  company: boolean;
}

export async function stepUpStatus(userId: string, sessionId: string): Promise<StepUpStatus> {
  const db = getDb();
  const [user, session] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { passwordHash: true, totpEnabledAt: true, role: true, accounts: { select: { provider: true, ssoConnection: { select: { enabled: true } } } }, _count: { select: { passkeys: true } } },
    }),
    db.session.findUnique({ where: { id: sessionId }, select: { reauthenticatedAt: true } }),
  ]);
  if (!user) throw new ApiError("UNAUTHENTICATED");
  const until = (session?.reauthenticatedAt?.getTime() ?? 0) + RECENT_PROOF_SECONDS * 1000;
  // A provider proves nothing more than the password it would stand in for.
  const providerProves = user.passwordHash === null && !passkeyIsAdminSecondFactor(user, user._count.passkeys);
  return {
    freshUntil: until > Date.now() ? new Date(until).toISOString() : null,
    password: user.passwordHash !== null && !passkeyIsAdminSecondFactor(user, user._count.passkeys),
    totp: user.totpEnabledAt !== null,
    passkey: user._count.passkeys > 0,
    providers: providerProves ? user.accounts.flatMap((account) => (isSocialDbProvider(account.provider) ? [fromDbProvider(account.provider)] : [])) : [],
    company: providerProves && user.accounts.some((account) => account.provider === "SSO" && account.ssoConnection?.enabled === true),
  };
}

async function loadUser(userId: string) {
  const user = await getDb().user.findUnique({ where: { id: userId } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return user;
}

// Checks the account's second factor when it has one; counted with every other proof of the account.
async function assertSecondFactor(user: Awaited<ReturnType<typeof loadUser>>, input: { code?: string; recoveryCode?: string }): Promise<void> {
  if (!user.totpEnabledAt) return;
  if (!(await consumeSecondFactor(user, input))) throw new ApiError("INVALID_INPUT", input.recoveryCode ? { recoveryCode: "recoveryCodeWrong" } : { code: "totpWrong" });
}

export async function proveWithPassword(userId: string, sessionId: string, input: { password: string; code?: string; recoveryCode?: string }, meta: RequestMeta): Promise<Date> {
  await countProofAttempt(userId);
  const user = await loadUser(userId);
  if (await onlyPasskeyProves(user)) throw new ApiError("CONFLICT_STATE");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) throw new ApiError("INVALID_INPUT", { password: "passwordWrong" });
  await assertSecondFactor(user, input);
  return markProven(userId, sessionId, user.totpEnabledAt ? "PASSWORD+TOTP" : "PASSWORD", meta);
}

export async function proveWithPasskey(userId: string, sessionId: string, response: AuthenticationResponseJSON, meta: RequestMeta): Promise<Date> {
  await countProofAttempt(userId);
  await verifyOwnPasskey(userId, response, meta);
  return markProven(userId, sessionId, "PASSKEY", meta);
}

// Before the provider round trip of an account without a password: its second factor, if it has one.
export async function startProviderProof(userId: string, input: { code?: string; recoveryCode?: string }): Promise<void> {
  await countProofAttempt(userId);
  const user = await loadUser(userId);
  if (user.passwordHash || (await onlyPasskeyProves(user))) throw new ApiError("CONFLICT_STATE");
  await assertSecondFactor(user, input);
}

// The provider came back with an identity: it must be one linked to this very account.
async function proveWithLinkedAccount(userId: string, sessionId: string, provider: OAuthProvider, providerAccountId: string, meta: RequestMeta): Promise<boolean> {
  const account = await getDb().account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true, user: { select: { id: true, passwordHash: true, totpEnabledAt: true, role: true } } },
  });
  if (!account || account.userId !== userId || account.user.passwordHash || (await onlyPasskeyProves(account.user))) return false;
  await markProven(userId, sessionId, provider, meta);
  return true;
}

export function proveWithProvider(userId: string, sessionId: string, identity: ProviderIdentity, meta: RequestMeta): Promise<boolean> {
  return proveWithLinkedAccount(userId, sessionId, toDbProvider(identity.provider), identity.providerAccountId, meta);
}

// The company's IdP came back, for the step-up of `sessionId`, with the identity `providerAccountId`
// names (lib/auth/sso/sign-in.ts): it must be the one this session's account signs in with.
export async function proveWithCompany(sessionId: string, providerAccountId: string, meta: RequestMeta): Promise<boolean> {
  const session = await getDb().session.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true } });
  if (!session || session.revokedAt) return false;
  return proveWithLinkedAccount(session.userId, sessionId, "SSO", providerAccountId, meta);
}
