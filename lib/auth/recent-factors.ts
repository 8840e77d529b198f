import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromDbProvider, isSocialDbProvider, toDbProvider } from "@/lib/auth/oauth-providers";
import { isSocialProvider, PROVIDER_NAMES } from "@/lib/auth/social-providers";

// Ways in added lately: after a break-in, the reset and "this wasn't me" flows list them and offer to
// remove them, since a thief's passkey or linked account would outlive the new password otherwise.
const RECENT_DAYS = 30;

export interface RecentFactor {
  // "passkey:<credential id>", "provider:<provider>" or "totp".
  id: string;
  kind: "passkey" | "provider" | "totp";
  name: string;
  addedAt: string;
}

export async function recentFactors(userId: string): Promise<RecentFactor[]> {
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000);
  const db = getDb();
  const [passkeys, accounts, user] = await Promise.all([
    db.passkey.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" } }),
    db.account.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" } }),
    db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } }),
  ]);
  return [
    ...passkeys.map((passkey) => ({ id: `passkey:${passkey.id}`, kind: "passkey" as const, name: passkey.name, addedAt: passkey.createdAt.toISOString() })),
    ...accounts.map((account) => {
      if (!isSocialDbProvider(account.provider)) return { id: "provider:sso", kind: "provider" as const, name: "SSO", addedAt: account.createdAt.toISOString() };
      const provider = fromDbProvider(account.provider);
      return { id: `provider:${provider}`, kind: "provider" as const, name: PROVIDER_NAMES[provider], addedAt: account.createdAt.toISOString() };
    }),
    ...(user?.totpEnabledAt && user.totpEnabledAt >= since ? [{ id: "totp", kind: "totp" as const, name: "TOTP", addedAt: user.totpEnabledAt.toISOString() }] : []),
  ];
}

// The statements that remove the chosen ones; an id that is not among the recent factors is ignored,
// so a reset link never removes anything older than the window.
export function removeFactors(userId: string, chosen: string[], recent: RecentFactor[]): Prisma.PrismaPromise<unknown>[] {
  const db = getDb();
  const allowed = new Set(recent.map((factor) => factor.id));
  return chosen
    .filter((id) => allowed.has(id))
    .flatMap((id): Prisma.PrismaPromise<unknown>[] => {
      if (id === "totp") {
        return [
          db.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } }),
          db.recoveryCode.deleteMany({ where: { userId } }),
        ];
      }
      const [kind, value = ""] = id.split(/:(.*)/s);
      if (kind === "passkey") return [db.passkey.deleteMany({ where: { userId, id: value } })];
      if (kind === "provider" && isSocialProvider(value)) return [db.account.deleteMany({ where: { userId, provider: toDbProvider(value) } })];
      if (kind === "provider" && value === "sso") return [db.account.deleteMany({ where: { userId, provider: "SSO", createdAt: { gte: new Date(Date.now() - RECENT_DAYS * 86_400_000) } } })];
      return [];
    });
}
