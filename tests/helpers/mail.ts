import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const mailSchema = z.object({ id: z.string(), to: z.array(z.string()), subject: z.string(), text: z.string(), html: z.string() });
export type Mail = z.infer<typeof mailSchema>;

// The test stack's SMTP catcher writes here (scripts/test-stack.ts); the Playwright suite reads it too.
const MAIL_DIR = process.env.TEST_MAIL_DIR ?? path.join(process.cwd(), ".test-data", "mail");

// Every mail caught so far; a `.part` file is one still being written (the catcher renames it when done).
export async function readMails(dir = MAIL_DIR): Promise<Mail[]> {
  const files = (await readdir(dir).catch(() => [])).filter((file) => file.endsWith(".json")).sort();
  return Promise.all(files.map(async (file) => mailSchema.parse(JSON.parse(await readFile(path.join(dir, file), "utf8")))));
}

export async function mailsTo(address: string, dir = MAIL_DIR): Promise<Mail[]> {
  return (await readMails(dir)).filter((mail) => mail.to.includes(address));
}

// Mail leaves after the HTTP response, so tests wait for it (bounded).
export async function waitForMail(address: string, count = 1, timeoutMs = 15_000, dir = MAIL_DIR): Promise<Mail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(address, dir);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`expected ${count} mail(s) to ${address}, got ${mails.length}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function verificationLink(mail: Mail): string {
  const match = /https?:\/\/\S+\/verify-email\?token=[\w.%-]+/.exec(mail.text);
  if (!match) throw new Error(`no verification link in mail "${mail.subject}"`);
  return match[0];
}

// The "this wasn't me" link of a security or new-device mail.
export function secureAccountLink(mail: Mail): string {
  const match = /https?:\/\/\S+\/secure-account\?token=[\w.%-]+/.exec(mail.text);
  if (!match) throw new Error(`no "this wasn't me" link in mail "${mail.subject}"`);
  return match[0];
}

// The first mail to `address` whose subject matches, once it has arrived (bounded).
export async function waitForSubject(address: string, subject: RegExp, timeoutMs = 15_000, dir = MAIL_DIR): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await mailsTo(address, dir)).find((candidate) => subject.test(candidate.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} with a subject like ${subject}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
