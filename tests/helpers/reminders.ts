import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { z } from "zod";
import { stackProcessEnv } from "./app-process";
import { testEnv } from "./env";
import type { Client } from "./http";
import { mailsTo, type Mail } from "./mail";

const runSchema = z.object({ due: z.number().int(), queued: z.number().int(), sent: z.number().int().optional(), pushed: z.number().int().optional() });
export type ReminderRunResult = z.infer<typeof runSchema>;

// No sweeper there, and by default an SMTP server that refuses: a "deliver" run's first attempt
// fails unless the test passes the stack's own.

// One reminder run at a clock the test chooses, in a process of its own, as another server instance
// would make it (tests/helpers/reminder-run.ts), with the stack's VAPID keys so that it pushes.
export function runRemindersAt(now: Date, mode: "queue" | "deliver" = "queue", smtpUrl = "smtp://127.0.0.1:9"): Promise<ReminderRunResult> {
  const env = testEnv();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/reminder-run.ts", now.toISOString(), mode], {
    env: stackProcessEnv({
      SMTP_URL: smtpUrl,
      VAPID_PUBLIC_KEY: env.TEST_VAPID_PUBLIC_KEY,
      VAPID_PRIVATE_KEY: env.TEST_VAPID_PRIVATE_KEY,
      VAPID_SUBJECT: "mailto:push@tropical.test",
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      const last = output.trim().split("\n").at(-1) ?? "";
      if (code === 0) resolve(runSchema.parse(JSON.parse(last)));
      else reject(new Error(`reminder run failed (${code}): ${output}`));
    });
  });
}

export async function reminderMails(address: string): Promise<Mail[]> {
  return (await mailsTo(address)).filter((mail) => mail.text.startsWith("일정 알림:"));
}

export async function waitForReminders(address: string, count: number, timeoutMs = 20_000): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await reminderMails(address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} reminder(s) to ${address}, got ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export interface EventBody {
  id: string;
  startsAt: string;
  occurrenceStart: string | null;
  reminders: number[];
}

export async function createEvent(client: Client, body: Record<string, unknown>): Promise<EventBody> {
  const response = await client.post("/api/events", body);
  assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
  return ((await response.json()) as { event: EventBody }).event;
}
