import "server-only";
import { LOCKOUT_POLICY } from "@/lib/auth/lockout-policy";
import { TOKEN_LIFETIME_SECONDS } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAIL_GIVE_UP_SECONDS } from "@/lib/mail/outbox";
import { LONGEST_WINDOW_SECONDS } from "@/lib/rate-limit";

// What is deleted once it can no longer matter, by /api/cron/retention and by the sweeper of a
// long-lived server (lib/jobs.ts). Nothing still in use goes: a rule names only rows that every
// reader already ignores (expired, spent, ended), and a session goes with its refresh tokens only
// once it has ended, since a live session's retired tokens are how a replayed one is recognised.

const DAY_SECONDS = 86_400;
// Rows that only record that something ran out stay a day past it, for a request in flight and for
// a server whose clock runs behind the database's.
const GRACE_SECONDS = DAY_SECONDS;
// An ended session stays a month: the user's data export and an incident's investigation show it.
const ENDED_SESSION_DAYS = 30;
const KEEP_FINISHED_MAIL_DAYS = 7;
// Small statements, each its own transaction: no run holds many locks or holds them long.
const BATCH = 500;
// No new batch starts after this; what is left is the next run's (the answer says so).
const RUN_BUDGET_MS = 30_000;

const RETAINED_TABLES = [
  "RateLimitBucket",
  "LoginThrottle",
  "UsedEmailToken",
  "PendingSignup",
  "SignInChallenge",
  "WebAuthnChallenge",
  "SsoFlow",
  "EmailChange",
  "Session",
  "RefreshToken",
  "MailIntent",
  "SecurityEvent",
  "SamlRequest",
] as const;
type Table = (typeof RETAINED_TABLES)[number];

export interface RetentionRun {
  removed: Record<Table, number>;
  // False when the budget ran out with expired rows left.
  complete: boolean;
}

interface Rule {
  table: Table;
  key: string;
  expired: Prisma.Sql;
  // Rows of another table that ON DELETE CASCADE removes with these, counted as they go.
  cascades?: { table: Table; foreignKey: string };
}

// Timestamps are stored as UTC without a zone (as Prisma writes them), so they are compared with the
// database's own clock in UTC.
const NOW = Prisma.sql`now()`;

function before(secondsAgo: number): Prisma.Sql {
  return Prisma.sql`${NOW} - make_interval(secs => ${secondsAgo}::float8)`;
}

function rules(): Rule[] {
  const securityEventSeconds = getEnv().SECURITY_EVENT_RETENTION_DAYS * DAY_SECONDS;
  return [
    // A bucket past the longest window counts for nothing: the next request starts a new window.
    { table: "RateLimitBucket", key: "key", expired: Prisma.sql`"windowStart" < ${before(LONGEST_WINDOW_SECONDS)}` },
    // Failures this old are forgotten by the next failure anyway (lib/auth/login-throttle.ts).
    {
      table: "LoginThrottle",
      key: "email",
      expired: Prisma.sql`"lastFailureAt" < ${before(LOCKOUT_POLICY.forgetAfterSeconds)} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${NOW})`,
    },
    // An expired token is refused before its use is looked up, so its record of use can go.
    { table: "UsedEmailToken", key: "jtiHash", expired: Prisma.sql`"expiresAt" < ${before(GRACE_SECONDS)}` },
    { table: "PendingSignup", key: "id", expired: Prisma.sql`"expiresAt" < ${before(GRACE_SECONDS)} OR "completedAt" < ${before(GRACE_SECONDS)}` },
    { table: "SignInChallenge", key: "id", expired: Prisma.sql`"expiresAt" < ${before(GRACE_SECONDS)}` },
    { table: "WebAuthnChallenge", key: "id", expired: Prisma.sql`"expiresAt" < ${before(GRACE_SECONDS)}` },
    { table: "SsoFlow", key: "id", expired: Prisma.sql`"expiresAt" < ${before(GRACE_SECONDS)}` },
    // An unconfirmed change lives as long as its link can still be mailed (minted when sent, after
    // retries) and used; a confirmed one until it can no longer be undone.
    {
      table: "EmailChange",
      key: "id",
      expired: Prisma.sql`("confirmedAt" IS NULL AND "createdAt" < ${before(MAIL_GIVE_UP_SECONDS + TOKEN_LIFETIME_SECONDS.EMAIL_CHANGE + GRACE_SECONDS)})
        OR "revertibleUntil" < ${before(GRACE_SECONDS)}`,
    },
    {
      table: "Session",
      key: "id",
      expired: Prisma.sql`"revokedAt" < ${before(ENDED_SESSION_DAYS * DAY_SECONDS)} OR "expiresAt" < ${before(ENDED_SESSION_DAYS * DAY_SECONDS)}`,
      cascades: { table: "RefreshToken", foreignKey: "sessionId" },
    },
    // Sent or given up: the queue keeps them a week for looking into a delivery complaint.
    {
      table: "MailIntent",
      key: "id",
      expired: Prisma.sql`"sentAt" < ${before(KEEP_FINISHED_MAIL_DAYS * DAY_SECONDS)} OR "gaveUpAt" < ${before(KEEP_FINISHED_MAIL_DAYS * DAY_SECONDS)}`,
    },
    { table: "SecurityEvent", key: "id", expired: Prisma.sql`"createdAt" < ${before(securityEventSeconds)}` },
    // A SAML request past its lifetime answers no response, spent or not (lib/auth/sso/saml.ts).
    { table: "SamlRequest", key: "id", expired: Prisma.sql`"expiresAt" < ${before(GRACE_SECONDS)}` },
  ];
}

// One batch of one rule. Rows another run has locked are skipped, not waited for, so runs started at
// once (two servers, a cron call beside the sweeper) share the work instead of queueing on it, and a
// row changed meanwhile (a bucket starting a new window) is judged as it is now.
async function deleteBatch(rule: Rule): Promise<{ removed: number; cascaded: number }> {
  const table = Prisma.raw(`"${rule.table}"`);
  const key = Prisma.raw(`"${rule.key}"`);
  const deleted = Prisma.sql`DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE ${rule.expired} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) RETURNING ${key} AS "key"`;
  // The dependent rows are counted from the statement's snapshot, before the cascade removes them.
  const cascaded = rule.cascades
    ? Prisma.sql`(SELECT count(*) FROM ${Prisma.raw(`"${rule.cascades.table}"`)} WHERE ${Prisma.raw(`"${rule.cascades.foreignKey}"`)} IN (SELECT "key" FROM gone))::int`
    : Prisma.sql`0`;
  const [counts] = await getDb().$queryRaw<{ removed: number; cascaded: number }[]>(Prisma.sql`WITH gone AS (${deleted}) SELECT (SELECT count(*) FROM gone)::int AS removed, ${cascaded} AS cascaded`);
  return counts ?? { removed: 0, cascaded: 0 };
}

// A batch of every rule in turn, again for those that filled theirs, so that one table with a long
// backlog does not starve the others of the run's budget.
export async function removeExpiredRecords(): Promise<RetentionRun> {
  const started = Date.now();
  const removed = Object.fromEntries(RETAINED_TABLES.map((table) => [table, 0])) as Record<Table, number>;
  let unfinished = rules();
  while (unfinished.length > 0 && Date.now() - started < RUN_BUDGET_MS) {
    const full: Rule[] = [];
    for (const rule of unfinished) {
      const counts = await deleteBatch(rule);
      removed[rule.table] += counts.removed;
      if (rule.cascades) removed[rule.cascades.table] += counts.cascaded;
      if (counts.removed === BATCH) full.push(rule);
    }
    unfinished = full;
  }
  return { removed, complete: unfinished.length === 0 };
}
