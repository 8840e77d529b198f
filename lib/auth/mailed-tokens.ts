import "server-only";
import { getDb } from "@/lib/db";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import { hashTokenId } from "@/lib/auth/sessions";
import { verifyToken, type TokenClaims } from "@/lib/auth/tokens";

// Tokens that travel only in mailed links (verification, password reset): good for their account's
// current address, and once.

export type MailedToken = { ok: true; user: User; claims: TokenClaims } | { ok: false; reason: "expired" | "invalid" };

export async function readMailedToken(token: string | undefined, type: "EMAIL_VERIFY" | "PASSWORD_RESET" | "EMAIL_CHANGE"): Promise<MailedToken> {
  const verified = await verifyToken(token, type);
  if (!verified.ok) return verified;
  const user = await getDb().user.findUnique({ where: { id: verified.claims.sub } });
  // A link for an address the account no longer has proves nothing about the current one.
  if (!user || user.email !== verified.claims.email) return { ok: false, reason: "invalid" };
  return { ok: true, user, claims: verified.claims };
}

export async function isMailedTokenSpent(claims: TokenClaims): Promise<boolean> {
  return (await getDb().usedEmailToken.findUnique({ where: { jtiHash: hashTokenId(claims.jti) } })) !== null;
}

// Records the token as used together with what it authorises, in one transaction; false when it
// had been used already (the unique jti hash refuses a second use, however close the race).
export async function spendMailedToken(claims: TokenClaims, userId: string, ...changes: Prisma.PrismaPromise<unknown>[]): Promise<boolean> {
  const db = getDb();
  try {
    await db.$transaction([db.usedEmailToken.create({ data: { jtiHash: hashTokenId(claims.jti), userId, expiresAt: new Date(claims.exp * 1000) } }), ...changes]);
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}
