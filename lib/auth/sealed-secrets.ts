import "server-only";
// The values sealed with lib/auth/secret-box.ts across the database: at start, a value under a key
// this server lacks is refused in one line (not a 500 at someone's second sign-in step), and values
// under the previous key are sealed again in the background, so AUTH_SECRET_PREVIOUS can be dropped
// once every instance has started with it.
import { knownSealKeyIds, open, seal, SealKeyMissing, sealKeyId } from "@/lib/auth/secret-box";
import { getDb } from "@/lib/db";
import { log } from "@/lib/log";

const BATCH = 200;

// Key ids named in the database that this server cannot open, with how many values each.
export async function missingSealKeys(): Promise<{ keyId: string; count: number }[]> {
  const known = new Set(knownSealKeyIds());
  const rows = await getDb().$queryRaw<{ keyId: string; count: bigint }[]>`
    SELECT substring(value from '^v2\\.([A-Za-z0-9_-]+)\\.') AS "keyId", count(*) AS count
    FROM (SELECT "totpSecret" AS value FROM "User" UNION ALL SELECT "totpPendingSecret" FROM "User" UNION ALL SELECT "secret" FROM "SsoConnection") AS sealed
    WHERE value LIKE 'v2.%'
    GROUP BY 1`;
  return rows.filter((row) => !known.has(row.keyId)).map((row) => ({ keyId: row.keyId, count: Number(row.count) }));
}

// Seals again, under the current key, every value that is under another key the server has (or
// from before key ids); a row that changed meanwhile is left to its new owner.
export async function resealStaleSecrets(): Promise<number> {
  const current = `v2.${knownSealKeyIds()[0]}.`;
  const stale = (column: "totpSecret" | "totpPendingSecret") => ({ AND: [{ [column]: { not: null } }, { NOT: { [column]: { startsWith: current } } }] });
  const again = (sealed: string | null): string | null => {
    if (!sealed || sealed.startsWith(current)) return sealed;
    try {
      return seal(open(sealed).plaintext);
    } catch (error) {
      if (!(error instanceof SealKeyMissing)) throw error;
      log("warn", "a sealed secret opens under no key this server has", { keyId: sealKeyId(sealed) || "(before key ids)" });
      return sealed;
    }
  };
  let resealed = 0;
  let cursor: string | undefined;
  for (;;) {
    const users = await getDb().user.findMany({
      where: { OR: [stale("totpSecret"), stale("totpPendingSecret")], ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, totpSecret: true, totpPendingSecret: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const user of users) {
      const data = { totpSecret: again(user.totpSecret), totpPendingSecret: again(user.totpPendingSecret) };
      if (data.totpSecret === user.totpSecret && data.totpPendingSecret === user.totpPendingSecret) continue;
      const updated = await getDb().user.updateMany({ where: { id: user.id, totpSecret: user.totpSecret, totpPendingSecret: user.totpPendingSecret }, data });
      resealed += updated.count;
    }
    if (users.length < BATCH) return resealed + (await resealConnectionSecrets(again, current));
    cursor = users.at(-1)?.id;
  }
}

// The company sign-in connections' secrets: few rows, one pass.
async function resealConnectionSecrets(again: (sealed: string | null) => string | null, current: string): Promise<number> {
  let resealed = 0;
  const connections = await getDb().ssoConnection.findMany({ where: { secret: { not: null }, NOT: { secret: { startsWith: current } } }, select: { id: true, secret: true } });
  for (const connection of connections) {
    const secret = again(connection.secret);
    if (secret === connection.secret) continue;
    resealed += (await getDb().ssoConnection.updateMany({ where: { id: connection.id, secret: connection.secret }, data: { secret } })).count;
  }
  return resealed;
}
