import "server-only";
import { getDb } from "@/lib/db";
import type { MailIntent, MailKind } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { increment } from "@/lib/metrics";
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
// An attempt in progress holds its intent this long, so another process does not send it too.
const LEASE_SECONDS = 60;
const KEEP_SENT_DAYS = 7;
const SWEEP_EVERY_MS = 5_000;
const SWEEP_BATCH = 20;

// Queues a mail, or brings forward the same one still waiting (a resend during an outage), so the
// user gets one mail when the server is back, not one per click. The same means the same facts too:
// two different security notices are two mails.
export async function enqueueMail(input: MailIntentInput): Promise<string> {
  const db = getDb();
  if (input.userId) {
    const waiting = await db.mailIntent.findFirst({
      where: { userId: input.userId, kind: input.kind, address: input.address, details: input.details ?? null, sentAt: null, gaveUpAt: null },
      select: { id: true },
    });
    if (waiting) {
      await db.mailIntent.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date() } });
      return waiting.id;
    }
  }
  const created = await db.mailIntent.create({ data: input, select: { id: true } });
  return created.id;
}

// One attempt at one intent, if it is due and nobody else holds it. The claim is a single
// conditional UPDATE, so two processes (or the sweeper and a request) never both send it.
export async function deliverMail(id: string, render: MailRenderer): Promise<void> {
  const db = getDb();
  const now = new Date();
  const claimed = await db.mailIntent.updateMany({
    where: { id, sentAt: null, gaveUpAt: null, nextAttemptAt: { lte: now } },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + LEASE_SECONDS * 1000) },
  });
  if (claimed.count === 0) return;
  const intent = await db.mailIntent.findUniqueOrThrow({ where: { id } });
  const message = await render(intent);
  if (!message) {
    await db.mailIntent.delete({ where: { id } });
    return;
  }
  try {
    await sendMailOnce(message);
    await db.mailIntent.update({ where: { id }, data: { sentAt: new Date(), lastError: null } });
  } catch (error) {
    const backoff = BACKOFF_SECONDS[intent.attempts - 1];
    const lastError = String(error).slice(0, 300);
    log("error", "mail send failed", { kind: intent.kind, attempt: intent.attempts, domain: intent.address.split("@")[1] ?? "?", retryInSeconds: backoff ?? null, error: lastError });
    if (backoff === undefined) {
      increment("tropical_mail_failures_total");
      await db.mailIntent.update({ where: { id }, data: { gaveUpAt: new Date(), lastError } });
      return;
    }
    await db.mailIntent.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() + backoff * 1000), lastError } });
  }
}

async function sweep(render: MailRenderer): Promise<void> {
  const db = getDb();
  const due = await db.mailIntent.findMany({
    where: { sentAt: null, gaveUpAt: null, nextAttemptAt: { lte: new Date() } },
    orderBy: { nextAttemptAt: "asc" },
    take: SWEEP_BATCH,
    select: { id: true },
  });
  for (const { id } of due) await deliverMail(id, render);
  await db.mailIntent.deleteMany({ where: { sentAt: { lt: new Date(Date.now() - KEEP_SENT_DAYS * 86_400_000) } } });
}

// Started once per server process (lib/startup.ts): retries what failed, whichever process queued it.
export function startMailSweeper(render: MailRenderer): void {
  let running = false;
  let failing = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep(render)
      .then(() => {
        failing = false;
      })
      .catch((error: unknown) => {
        // Said once per outage (the database may be down), not every five seconds.
        if (!failing) log("warn", "mail sweep failed", { error: String(error).slice(0, 300) });
        failing = true;
      })
      .finally(() => {
        running = false;
      });
  }, SWEEP_EVERY_MS);
  timer.unref();
}
