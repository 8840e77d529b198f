import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { mailTimings } from "@/lib/mail/lease";
import { increment } from "@/lib/metrics";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

let transporter: Transporter | undefined;

function getTransporter(): Transporter {
  if (!transporter) {
    const { connectionTimeout, greetingTimeout, socketTimeout } = mailTimings();
    transporter = nodemailer.createTransport({ url: getEnv().SMTP_URL, connectionTimeout, greetingTimeout, socketTimeout });
  }
  return transporter;
}

const RETRY_DELAYS_MS = [0, 1_000, 5_000];

// One attempt; throws when the server refuses, cannot be reached or takes longer than an attempt may
// (the outbox decides what next). An abandoned attempt's connection is closed.
// NOTE: a server that had the whole message when it went quiet may still deliver it (SMTP cannot
// say); the retry then duplicates it, but only after its backoff, never while the claim is held.
export async function sendMailOnce(message: MailMessage): Promise<void> {
  const { attemptMs } = mailTimings();
  const signal = AbortSignal.timeout(attemptMs);
  try {
    await getTransporter().sendMail({ from: getEnv().MAIL_FROM, ...message, signal });
  } catch (error) {
    if (signal.aborted) throw new Error(`SMTP attempt timed out after ${attemptMs / 1000} s`, { cause: error });
    throw error;
  }
}

// For mail that is not queued (onboarding codes: a lost one is simply asked for again): retries a
// failed send twice. The recipient is logged only by domain, never the subject or body: a code mail
// carries its code in both.
export async function sendMail(message: MailMessage): Promise<boolean> {
  const domain = message.to.split("@")[1] ?? "?";
  for (const [attempt, delay] of RETRY_DELAYS_MS.entries()) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      await sendMailOnce(message);
      return true;
    } catch (error) {
      log("error", "mail send failed", { attempt: attempt + 1, domain, error: String(error) });
    }
  }
  increment("tropical_mail_failures_total");
  return false;
}
