import "server-only";
import { renderMailIntent } from "@/lib/auth/mail-intents";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { deliverDueMail, deliverMail, type MailRun } from "@/lib/mail/outbox";
import { pushReminder } from "@/lib/planner/reminder-push";
import { runReminders } from "@/lib/planner/reminders";
import { removeExpiredRecords, type RetentionRun } from "@/lib/retention";

// The background work, whoever starts it: a scheduler calling /api/cron/* (serverless hosts, where
// nothing runs between requests) or the sweeper of a long-lived server. Each run logs one line with
// what it did; the sweeper's idle ticks say nothing.
type Trigger = "cron" | "sweeper";

export async function runMailDelivery(trigger: Trigger): Promise<MailRun> {
  const run = await deliverDueMail(renderMailIntent);
  if (trigger === "cron" || run.attempted > 0) log("info", "mail delivery run", { trigger, ...run });
  return run;
}

// Queues the reminders due now and makes each one's first attempt at once; a failed mail is the
// outbox's to retry, like any mail. Each reminder's push goes out beside its mail, neither waiting
// for the other: a push service that fails or hangs delays no mail, and a slow SMTP server no push.
export async function runReminderDelivery(trigger: Trigger, now = new Date()): Promise<{ due: number; queued: number; sent: number; pushed: number }> {
  const { due, queued, intentIds } = await runReminders(now);
  let sent = 0;
  let pushed = 0;
  for (const id of intentIds) {
    const push = pushReminder(id, now).then(
      (run) => (pushed += run?.sent ?? 0),
      (error: unknown) => log("warn", "reminder push failed", { error: String(error).slice(0, 300) }),
    );
    if ((await deliverMail(id, renderMailIntent)) === "sent") sent++;
    await push;
  }
  if (trigger === "cron" || queued > 0) log("info", "reminder run", { trigger, due, queued, sent, pushed });
  return { due, queued, sent, pushed };
}

export async function runRetention(trigger: Trigger): Promise<RetentionRun> {
  const run = await removeExpiredRecords();
  log("info", "retention run", { trigger, ...run.removed, complete: run.complete });
  return run;
}

const MAIL_EVERY_MS = 5_000;
// Well inside the reminders' grace, so a reminder goes out within this long of its time.
const REMINDERS_EVERY_MS = 30_000;
const RETENTION_EVERY_MS = 60 * 60_000;

// Started once per server process (lib/startup.ts) unless MAIL_SWEEPER is off: retries what failed,
// whichever process queued it, sends the reminders that fall due, and deletes what has expired about
// once an hour. Every process may
// run it at once: the outbox's claims and retention's skipped locks make them share the work.
export function startSweeper(): void {
  const { MAIL_SWEEPER, CRON_SECRET } = getEnv();
  if (MAIL_SWEEPER === "off") {
    // Neither this process nor a scheduler (whose routes need the secret) would retry a failed mail.
    if (!CRON_SECRET) log("warn", "no background work: failed mail is never retried; set CRON_SECRET and schedule /api/cron/*, or MAIL_SWEEPER=on");
    return;
  }
  repeat("mail delivery", MAIL_EVERY_MS, () => runMailDelivery("sweeper"));
  repeat("reminders", REMINDERS_EVERY_MS, () => runReminderDelivery("sweeper"));
  repeat("retention", RETENTION_EVERY_MS, () => runRetention("sweeper"));
}

// Never two runs of one task at once in a process; a failing task (the database may be down) is
// reported once per outage, not at every tick.
function repeat(task: string, everyMs: number, run: () => Promise<unknown>): void {
  let running = false;
  let failing = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .then(() => {
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) log("warn", `${task} failed`, { error: String(error).slice(0, 300) });
        failing = true;
      })
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
}
