// `npm run admin:grant -- <email> [reason]`: the only way to make an administrator. Uses DATABASE_URL,
// or the embedded development database under .data/ when it is unset; every grant is audited.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { applyMigrations } from "./migrate";
import { startEmbeddedPostgres, type RunningService } from "./services";

async function main(): Promise<number> {
  const [rawEmail, ...reasonWords] = process.argv.slice(2);
  const email = z.email().safeParse(rawEmail?.trim().toLowerCase());
  if (!email.success) {
    console.error("usage: npm run admin:grant -- <email> [reason]");
    return 2;
  }
  const reason = reasonWords.join(" ").trim() || "granted from the command line";
  let embedded: RunningService | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres(path.join(process.cwd(), ".data", "postgres"));
    url = embedded.url;
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await applyMigrations(url, () => {});
    await client.connect();
    // The grant, its audit entry and the owner's notice together or not at all.
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; role: string }>(`UPDATE "User" SET role = 'ADMIN', "updatedAt" = now() WHERE email = $1 RETURNING id, role`, [email.data]);
    const user = rows[0];
    if (!user) {
      await client.query("ROLLBACK");
      console.error(`No account uses ${email.data}. Sign up first, then grant.`);
      return 1;
    }
    await client.query(`INSERT INTO "AuditLog" (id, actor, action, "targetUserId", "targetEmail", reason) VALUES ($1, 'cli', 'ROLE_GRANTED_ADMIN', $2, $3, $4)`, [
      randomUUID(),
      user.id,
      email.data,
      reason,
    ]);
    // The owner hears of it like of any other change to their account: a security event, and a
    // notice the app's mail sweeper sends (its details as lib/auth/mail-intents.ts noticeDetails writes them).
    await client.query(`INSERT INTO "SecurityEvent" (id, "userId", type, method, reason) VALUES ($1, $2, 'ADMIN_GRANTED', 'CLI', $3)`, [randomUUID(), user.id, reason]);
    await client.query(`INSERT INTO "MailIntent" (id, kind, address, "userId", details) VALUES ($1, 'SECURITY_NOTICE', $2, $3, $4)`, [
      randomUUID(),
      email.data,
      user.id,
      JSON.stringify({ change: "ADMIN_GRANTED", detail: null, device: null }),
    ]);
    await client.query("COMMIT");
    console.log(`${email.data} is now an administrator (takes effect at their next sign-in or token refresh, within 15 minutes).`);
    return 0;
  } finally {
    await client.end().catch(() => {});
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
