import "server-only";
import { getDb } from "@/lib/db";
import type { RequestMeta } from "@/lib/http/request-meta";
import { noticeDetails, queueMail } from "@/lib/auth/mail-intents";
import { recordSecurityEvent } from "@/lib/auth/security-events";
import { sendLater } from "@/lib/mail/later";
import type { AccountChange } from "@/lib/mail/templates";

// Every change to how someone signs in is recorded and mailed to the account's address, with a
// "this wasn't me" link: after a break-in nothing is silent (ASVS 6.3.7).

type RecordedChange = Exclude<AccountChange, "ACCOUNT_DELETED">;

export async function recordAccountChange(userId: string, change: RecordedChange, meta: RequestMeta, extra: { method?: string; reason?: string; detail?: string } = {}): Promise<void> {
  await recordSecurityEvent({ userId, type: change, method: extra.method, reason: extra.reason }, meta);
  sendLater(async () => {
    const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true } });
    if (user) await queueMail({ kind: "SECURITY_NOTICE", address: user.email, userId, details: noticeDetails(change, extra.detail ?? null, meta) });
  });
}

// The account is gone by the time this goes out, so it is addressed, not tied to the user.
export function noticeAccountDeleted(email: string, meta: RequestMeta): void {
  sendLater(() => queueMail({ kind: "SECURITY_NOTICE", address: email, details: noticeDetails("ACCOUNT_DELETED", null, meta) }));
}
