import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { getEnv } from "@/lib/env";

// Reads what the development SMTP catcher (scripts/services.ts) wrote. Never available in production.
const caughtMailSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
});

export type CaughtMail = z.infer<typeof caughtMailSchema>;

export function isMailboxEnabled(): boolean {
  const env = getEnv();
  return env.NODE_ENV !== "production" && Boolean(env.MAIL_CATCHER_DIR);
}

export async function listCaughtMail(limit = 50): Promise<CaughtMail[]> {
  const dir = getEnv().MAIL_CATCHER_DIR;
  if (!isMailboxEnabled() || !dir) return [];
  const files = (await readdir(dir).catch(() => []))
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(files.map(async (file) => caughtMailSchema.safeParse(JSON.parse(await readFile(path.join(dir, file), "utf8")))));
  return mails.flatMap((result) => (result.success ? [result.data] : []));
}
