import "server-only";
import { getDb } from "@/lib/db";
import type { MailIntent, MailKind, Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { increment } from "@/lib/metrics";
import { mailTimings } from "@/lib/mail/lease";
import { sendMailOnce, type MailMessage } from "@/lib/mail/send";

// Mail is queued in PostgreSQL before it is sent, so an SMTP outage delays it instead of losing it.
// The queue holds intents (what to send to whom), and the caller's renderer turns one into a
// message at send time; a renderer answering null means the mail is no longer needed.
export interface MailIntentInput {
  kind: MailKind;
  address: string;
  userId?: string;
  details?: string;
}

export type MailRenderer = (intent: MailIntent) => Promise<MailMessage | null>;

// Waits after each failed attempt; after the last one (about a day in all) the mail is given up.
const BACKOFF_SECONDS = [10, 30, 60, 120, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600];
// The waits between the first attempt and the last, together: a mail goes out within about this long
// of being queued, or not at all.
export const MAIL_GIVE_UP_SECONDS = BACKOFF_SECONDS.reduce((sum, seconds) => sum + seconds, 0);
const RUN_BATCH = 20;

export interface MailRun {
  // Intents this run claimed; each was sent, failed (and waits for its retry or was given up), or
  // dropped because its renderer found the mail no longer needed.
  attempted: number;
  sent: number;
  failed: number;
  dropped: number;
}

type Outcome = "sent" | "failed" | "dropped";

// Queues a mail, or brings forward the same one still waiting (a resend during an outage), so the
// user gets one mail when the server is back, not one per click. The same means the same facts too:
// two different security notices are two mails. One being sent right now is left to that attempt:
// bringing it forward would end its claim and start a second send beside it (a slow server then
// delivers both).
export async function enqueueMail(input: MailIntentInput): Promise<string> {
  const db = getDb();
  if (input.userId) {
    const waiting = await db.mailIntent.findFirst({
      where: { userId: input.userId, kind: input.kind, address: input.address, details: input.details ?? null, sentAt: null, gaveUpAt: null },
      select: { id: true },
    });
    if (waiting) {
      const now = new Date();
      await db.mailIntent.updateMany({ where: { id: waiting.id, NOT: attemptInProgress(now) }, data: { nextAttemptAt: now } });
      return waiting.id;
    }
  }
  const created = await db.mailIntent.create({ data: input, select: { id: true } });
  return created.id;
}

// Being sent now: a claim clears the previous attempt's error and every failure writes one, so an
// attempted intent without an error whose lease still runs is in an attempt.
function attemptInProgress(now: Date): Prisma.MailIntentWhereInput {
  return { attempts: { gt: 0 }, lastError: null, nextAttemptAt: { gt: now } };
}

// One attempt at one intent, if it is due and nobody else holds it; null when it was not. The claim
// is a single conditional UPDATE, so two processes (the sweeper, a cron run, a request) never both
// send it, and it holds the intent for the lease, which the attempt cannot outlast (lib/mail/lease.ts).
export async function deliverMail(id: string, render: MailRenderer): Promise<Outcome | null> {
  const db = getDb();
  const now = new Date();
  const claimed = await db.mailIntent.updateMany({
    where: { id, sentAt: null, gaveUpAt: null, nextAttemptAt: { lte: now } },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + mailTimings().leaseMs), lastError: null },
  });
  if (claimed.count === 0) return null;
  const intent = await db.mailIntent.findUniqueOrThrow({ where: { id } });
  const message = await render(intent);
  if (!message) {
    await db.mailIntent.delete({ where: { id } });
    return "dropped";
  }
  try {
    await sendMailOnce(message);
    await db.mailIntent.update({ where: { id }, data: { sentAt: new Date(), lastError: null } });
    return "sent";
  } catch (error) {
    const backoff = BACKOFF_SECONDS[intent.attempts - 1];
    const lastError = String(error).slice(0, 300);
    log("error", "mail send failed", { kind: intent.kind, attempt: intent.attempts, domain: intent.address.split("@")[1] ?? "?", retryInSeconds: backoff ?? null, error: lastError });
    if (backoff === undefined) {
      increment("tropical_mail_failures_total");
      await db.mailIntent.update({ where: { id }, data: { gaveUpAt: new Date(), lastError } });
      return "failed";
    }
    await db.mailIntent.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() + backoff * 1000), lastError } });
    return "failed";
  }
}

// One run over what is due, oldest first: a tick of the sweeper or a call of /api/cron/mail. No
// attempt starts once the run has taken a lease's time, so a run against a stalled server still
// ends in a few attempts' time, well inside a serverless function's limit.
export async function deliverDueMail(render: MailRenderer): Promise<MailRun> {
  const started = Date.now();
  const { leaseMs } = mailTimings();
  const due = await getDb().mailIntent.findMany({
    where: { sentAt: null, gaveUpAt: null, nextAttemptAt: { lte: new Date() } },
    orderBy: { nextAttemptAt: "asc" },
    take: RUN_BATCH,
    select: { id: true },
  });
  const run: MailRun = { attempted: 0, sent: 0, failed: 0, dropped: 0 };
  for (const { id } of due) {
    if (Date.now() - started >= leaseMs) break;
    const outcome = await deliverMail(id, render);
    if (!outcome) continue;
    run.attempted++;
    run[outcome]++;
  }
  return run;
}
