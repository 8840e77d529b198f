import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { bearerChallenge, PERSONAL_TOKEN_PREFIX } from "@/lib/auth/api-credentials";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import type { Role } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import type { PersonalTokenScope } from "@/lib/validations/personal-token-rules";
import { consumeRateLimit } from "@/lib/rate-limit";

// Personal access tokens: a user's own scripts reach the planner API with one, made in settings
// with a name, scopes and an expiry. A token is `tpat_` and 32 random bytes; only its SHA-256 is
// kept and looked up through a unique index, so a database leak yields no usable token and no
// comparison runs on the secret itself (ASVS 9.1, 10.3: an opaque token checked by its issuer).

const MAX_ACTIVE_TOKENS = 20;
const TOKEN_PATTERN = new RegExp(`^${PERSONAL_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);
// Enough of the token to tell it apart in a list; nothing to sign in with.
const SHOWN_PREFIX_LENGTH = PERSONAL_TOKEN_PREFIX.length + 6;
// A script may call often; its last use is written at most this often, not on every request.
const LAST_USED_PRECISION_MS = 60_000;
// Per token, whoever holds it: a script stuck in a loop slows down before it weighs on others.
const TOKEN_LIMIT = { name: "personal-token", max: 300, windowSeconds: 300 };

export interface PersonalTokenView {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  expired: boolean;
}

export interface PersonalTokenOwner {
  tokenId: string;
  userId: string;
  role: Role;
}

function hashPersonalToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const VIEW_FIELDS = { id: true, name: true, scopes: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true } as const;

function view(row: { id: string; name: string; scopes: string[]; prefix: string; createdAt: Date; expiresAt: Date; lastUsedAt: Date | null }): PersonalTokenView {
  return { ...row, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null, expired: row.expiresAt.getTime() <= Date.now() };
}

// The user's tokens not revoked, newest first; expired ones stay listed (marked by their date) until
// revoked, so the owner sees why a script stopped.
export async function listPersonalTokens(userId: string): Promise<PersonalTokenView[]> {
  const rows = await getDb().personalAccessToken.findMany({ where: { userId, revokedAt: null }, orderBy: { createdAt: "desc" }, select: VIEW_FIELDS });
  return rows.map(view);
}

// A new token; the answer is the only time its secret is seen. The count and the insert run under
// a lock on the user, so two requests at once cannot both pass the limit.
export async function createPersonalToken(
  userId: string,
  input: { name: string; scopes: PersonalTokenScope[]; expiresInDays: number },
  meta: RequestMeta,
): Promise<{ token: string; personalToken: PersonalTokenView }> {
  const token = `${PERSONAL_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const now = new Date();
  const row = await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`tropical:personal-tokens:${userId}`}))`;
    const active = await tx.personalAccessToken.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= MAX_ACTIVE_TOKENS) throw new ApiError("LIMIT_REACHED");
    return tx.personalAccessToken.create({
      data: {
        userId,
        name: input.name,
        scopes: input.scopes,
        tokenHash: hashPersonalToken(token),
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      },
      select: VIEW_FIELDS,
    });
  });
  await recordSecurityEvent({ userId, type: "PERSONAL_TOKEN_CREATED", reason: `${row.prefix} ${row.name}` }, meta);
  return { token, personalToken: view(row) };
}

// Refused from the next request on: every use looks the row up.
export async function revokePersonalToken(userId: string, id: string, meta: RequestMeta): Promise<void> {
  const db = getDb();
  const { count } = await db.personalAccessToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new ApiError("NOT_FOUND");
  const row = await db.personalAccessToken.findUnique({ where: { id }, select: { prefix: true, name: true } });
  await recordSecurityEvent({ userId, type: "PERSONAL_TOKEN_REVOKED", reason: row ? `${row.prefix} ${row.name}` : undefined }, meta);
}

// The ways back from a takeover (a password reset, "this wasn't me", undoing an e-mail change) end
// every token too: one an intruder made would otherwise outlive every session they had. Answers how
// many were live.
export async function revokeAllPersonalTokens(userId: string): Promise<number> {
  return (await getDb().personalAccessToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } })).count;
}

// The owner of a token that is live (not revoked, not expired, its account not disabled; a deleted
// account's tokens went with it) and holds `scope`: 401 for a token that is not, 403 for one
// without the scope.
export async function requirePersonalToken(token: string, scope: PersonalTokenScope): Promise<PersonalTokenOwner> {
  const row = TOKEN_PATTERN.test(token)
    ? await getDb().personalAccessToken.findUnique({
        where: { tokenHash: hashPersonalToken(token) },
        select: { id: true, userId: true, scopes: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { role: true, disabledAt: true } } },
      })
    : null;
  const now = Date.now();
  if (!row || row.revokedAt || row.expiresAt.getTime() <= now || row.user.disabledAt) throw new ApiError("UNAUTHENTICATED", undefined, undefined, bearerChallenge("invalid_token"));
  await consumeRateLimit(TOKEN_LIMIT, row.id);
  if (!row.scopes.includes(scope)) throw new ApiError("INSUFFICIENT_SCOPE", undefined, undefined, bearerChallenge("insufficient_scope", scope));
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // Conditional, so that of a burst of requests one writes.
    await getDb().personalAccessToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_PRECISION_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { tokenId: row.id, userId: row.userId, role: row.user.role };
}
