import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OAuthProvider } from "@/lib/generated/prisma/enums";
import { issueMfaToken } from "@/lib/auth/mfa";
import { fromDbProvider, isSocialDbProvider, toDbProvider, type ProviderIdentity } from "@/lib/auth/oauth-providers";
import { recordAccountChange } from "@/lib/auth/security-notices";
import type { IssuedSession, SessionUser } from "@/lib/auth/sessions";
import type { ProofAccount } from "@/lib/auth/step-up";
import type { RequestMeta } from "@/lib/http/request-meta";
import { assertNotDisabled, finishSignIn } from "@/lib/auth/sign-in";
import { PROVIDER_NAMES, type SocialProvider } from "@/lib/auth/social-providers";
import { assertSsoNotRequired } from "@/lib/auth/sso/connections";
import { signToken, TOKEN_LIFETIME_SECONDS } from "@/lib/auth/tokens";

export type SocialOutcome =
  { kind: "session"; session: IssuedSession } | { kind: "mfa"; mfaToken: string } | { kind: "onboarding"; onboardingToken: string; expiresAt: Date } | { kind: "linked" } | { kind: "already-linked" };

// Signs in a user who has already proved who they are by other means (`via`: a provider, or the
// password given to link one): a second factor still applies when the account has one, whichever
// way in came first.
export async function signInLinkedUser(user: SessionUser & ProofAccount & { disabledAt: Date | null }, via: string, meta: RequestMeta): Promise<SocialOutcome> {
  assertNotDisabled(user);
  if (user.totpEnabledAt) return { kind: "mfa", mfaToken: await issueMfaToken(user, via) };
  return { kind: "session", session: await finishSignIn(user, meta, via) };
}

// The seed's OAuth2AuthenticationSuccessHandler: a known identity signs in, an unknown one starts
// onboarding, and a signed-in user who asked to connect the provider gets it linked.
export async function completeProviderSignIn(identity: ProviderIdentity, meta: RequestMeta, linkToUserId: string | null): Promise<SocialOutcome> {
  const db = getDb();
  const provider = toDbProvider(identity.provider);
  const known = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: identity.providerAccountId } },
    include: { user: { select: { id: true, email: true, role: true, totpEnabledAt: true, passwordHash: true, disabledAt: true } } },
  });

  if (linkToUserId) {
    if (known) return known.userId === linkToUserId ? { kind: "linked" } : { kind: "already-linked" };
    try {
      await db.account.create({ data: { userId: linkToUserId, provider, providerAccountId: identity.providerAccountId, email: identity.email } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { kind: "already-linked" };
      throw error;
    }
    await recordAccountChange(linkToUserId, "PROVIDER_LINKED", meta, { method: provider, reason: "connected from settings", detail: PROVIDER_NAMES[identity.provider] });
    return { kind: "linked" };
  }

  // Neither an account at an address whose company requires its own sign-in, nor a new one there.
  await assertSsoNotRequired(known ? known.user.email : identity.email);
  if (known) {
    await db.account.update({ where: { id: known.id }, data: { lastUsedAt: new Date() } });
    return signInLinkedUser(known.user, provider, meta);
  }

  return beginOnboarding({ provider, providerAccountId: identity.providerAccountId, name: identity.name, email: identity.email, emailVerified: identity.emailVerified });
}

export interface NewIdentity {
  provider: OAuthProvider;
  providerAccountId: string;
  // The company connection, for an SSO identity (lib/auth/sso/).
  ssoConnectionId?: string;
  name?: string;
  email?: string;
  emailVerified: boolean;
}

// An identity no account has yet: it waits in a pending sign-up for the onboarding step (consents,
// nickname, and the proof an existing account at its address needs before it is linked).
export async function beginOnboarding(identity: NewIdentity): Promise<SocialOutcome> {
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS.ONBOARDING * 1000);
  const pending = await getDb().pendingSignup.create({
    data: {
      provider: identity.provider,
      providerAccountId: identity.providerAccountId,
      ssoConnectionId: identity.ssoConnectionId,
      name: identity.name,
      email: identity.email,
      emailVerifiedAt: identity.emailVerified ? new Date() : null,
      expiresAt,
    },
  });
  // The token names the pending row; its e-mail claim is informational (empty when there is none).
  const { token } = await signToken("ONBOARDING", { sub: pending.id, email: identity.email ?? "", expiresAt });
  return { kind: "onboarding", onboardingToken: token, expiresAt };
}

export interface LinkedProviderView {
  provider: SocialProvider;
  email: string | null;
  linkedAt: string;
  lastUsedAt: string | null;
}

export async function listLinkedProviders(userId: string): Promise<LinkedProviderView[]> {
  const accounts = await getDb().account.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  // Company sign-in links are the company's, not the user's to connect or disconnect here.
  return accounts
    .flatMap(({ provider, ...account }) => (isSocialDbProvider(provider) ? [{ ...account, provider }] : []))
    .map((account) => ({
      provider: fromDbProvider(account.provider),
      email: account.email,
      linkedAt: account.createdAt.toISOString(),
      lastUsedAt: account.lastUsedAt?.toISOString() ?? null,
    }));
}

// Unlinking never leaves an account nobody can sign in to: a password, a passkey or another
// provider must remain. The check and the delete share a transaction that locks the user row, so
// two unlinks racing each other cannot both pass it.
export async function unlinkProvider(userId: string, provider: SocialProvider, meta: RequestMeta): Promise<void> {
  const dbProvider = toDbProvider(provider);
  await getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true, _count: { select: { passkeys: true, accounts: true } } } });
    const account = await tx.account.findFirst({ where: { userId, provider: dbProvider } });
    if (!user || !account) throw new ApiError("NOT_FOUND");
    const otherWays = (user.passwordHash ? 1 : 0) + user._count.passkeys + (user._count.accounts - 1);
    if (otherWays < 1) throw new ApiError("LAST_SIGN_IN_METHOD");
    await tx.account.delete({ where: { id: account.id } });
  });
  await recordAccountChange(userId, "PROVIDER_UNLINKED", meta, { method: dbProvider, detail: PROVIDER_NAMES[provider] });
}
