import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { MailIntent } from "@/lib/generated/prisma/client";
import { createPasswordResetLink } from "@/lib/auth/password-changes";
import type { RequestMeta } from "@/lib/http/request-meta";
import { issueSignInCode } from "@/lib/auth/sign-in-codes";
import { dueReminderOf, reminderDay } from "@/lib/planner/reminders";
import { signToken } from "@/lib/auth/tokens";
import { consumeRateLimit, type RateLimit } from "@/lib/rate-limit";
import { deliverMail, enqueueMail, type MailIntentInput } from "@/lib/mail/outbox";
import type { MailMessage } from "@/lib/mail/send";
import {
  ACCOUNT_CHANGES,
  alreadyRegisteredMail,
  emailChangeConfirmMail,
  emailChangedNoticeMail,
  emailInUseMail,
  newDeviceMail,
  passwordResetMail,
  reminderMail,
  securityNoticeMail,
  signInCodeMail,
  unconfirmedAccountMail,
  verificationMail,
  type AccountChange,
} from "@/lib/mail/templates";

// The account mails, queued as intents and rendered only when sent: the one-time links inside are
// minted then, for the account as it is then (an address verified meanwhile needs no link).

const deviceSchema = z.object({ userAgent: z.string().nullable(), ip: z.string().nullable(), country: z.string().nullable() });

// A security notice's facts (lib/auth/security-notices.ts): what changed, and from where.
const noticeSchema = z.object({
  change: z.enum(Object.keys(ACCOUNT_CHANGES) as [AccountChange, ...AccountChange[]]),
  detail: z.string().nullable(),
  device: deviceSchema.nullable(),
});

const signInCodeSchema = z.object({ challengeId: z.string(), device: deviceSchema });

export function noticeDetails(change: AccountChange, detail: string | null, meta: RequestMeta | null): string {
  const device = meta ? { userAgent: meta.userAgent, ip: meta.ip, country: meta.country } : null;
  return JSON.stringify({ change, detail, device } satisfies z.input<typeof noticeSchema>);
}

function parseJson(details: string | null): unknown {
  try {
    return JSON.parse(details ?? "null");
  } catch {
    return null;
  }
}

function parseDevice(details: string | null) {
  const parsed = deviceSchema.safeParse(parseJson(details));
  return parsed.success ? parsed.data : null;
}

// "This wasn't me": the reset link's token, opening the page that first signs every device out.
function secureAccountLink(resetLink: string): string {
  return resetLink.replace("/reset-password?", "/secure-account?");
}

// Every mail someone other than the address's owner can cause (verification, "already registered",
// password reset, sign-up and e-mail change codes and links) comes out of one allowance per address,
// spent by the request whether or not a mail goes out: enough for a typo'd resend or two, too few
// to bomb an inbox by rotating endpoints, and the same count for every address, known or not.
const MAIL_PER_ADDRESS_LIMIT: RateLimit = { name: "mail", max: 6, windowSeconds: 60 * 60 };

export function consumeMailAllowance(address: string): Promise<void> {
  return consumeRateLimit(MAIL_PER_ADDRESS_LIMIT, address);
}

// Queues the mail and makes the first attempt at once; a failure is retried by the sweeper.
export async function queueMail(input: MailIntentInput): Promise<void> {
  await deliverMail(await enqueueMail(input), renderMailIntent);
}

export function deviceDetails(meta: RequestMeta): string {
  return JSON.stringify({ userAgent: meta.userAgent, ip: meta.ip, country: meta.country });
}

async function currentUser(intent: MailIntent) {
  if (!intent.userId) return null;
  const user = await getDb().user.findUnique({ where: { id: intent.userId }, select: { id: true, email: true, nickname: true, emailVerifiedAt: true } });
  // The address changed since: a link for the old one would be refused anyway.
  return user && user.email === intent.address ? user : null;
}

export async function renderMailIntent(intent: MailIntent): Promise<MailMessage | null> {
  const { APP_URL } = getEnv();
  switch (intent.kind) {
    case "ALREADY_REGISTERED":
      return alreadyRegisteredMail(intent.address, `${APP_URL}/login`);
    case "VERIFY_EMAIL": {
      const user = await currentUser(intent);
      if (!user || user.emailVerifiedAt) return null;
      const { token } = await signToken("EMAIL_VERIFY", { sub: user.id, email: user.email });
      // Built from APP_URL only: a forged Host header must never redirect the link.
      return verificationMail(user.email, user.nickname, `${APP_URL}/verify-email?token=${encodeURIComponent(token)}`);
    }
    case "UNCONFIRMED_ACCOUNT": {
      const user = await currentUser(intent);
      if (!user) return null;
      // Confirmed meanwhile: then it is simply an account that exists.
      return user.emailVerifiedAt ? alreadyRegisteredMail(intent.address, `${APP_URL}/login`) : unconfirmedAccountMail(user.email, await createPasswordResetLink(user));
    }
    case "PASSWORD_RESET": {
      const user = await currentUser(intent);
      return user ? passwordResetMail(user.email, await createPasswordResetLink(user)) : null;
    }
    case "SECURITY_NOTICE": {
      const parsed = noticeSchema.safeParse(parseJson(intent.details));
      if (!parsed.success) return null;
      const { change, detail, device } = parsed.data;
      // Tied to a user while the account exists: then the mail offers to secure it.
      if (!intent.userId) return securityNoticeMail(intent.address, change, detail, device, null);
      const user = await currentUser(intent);
      return user ? securityNoticeMail(user.email, change, detail, device, secureAccountLink(await createPasswordResetLink(user))) : null;
    }
    case "EMAIL_CHANGE_CONFIRM": {
      const change = await getDb().emailChange.findFirst({ where: { id: intent.details ?? "", confirmedAt: null }, include: { user: { select: { email: true } } } });
      // Changed, replaced by a newer request, or the account's address moved meanwhile: nothing to confirm.
      if (!change || change.user.email !== change.oldEmail || change.newEmail !== intent.address) return null;
      const { token } = await signToken("EMAIL_CHANGE", { sub: change.userId, email: change.oldEmail, ref: change.id });
      return emailChangeConfirmMail(intent.address, `${APP_URL}/confirm-email?token=${encodeURIComponent(token)}`);
    }
    case "EMAIL_CHANGED_NOTICE": {
      const change = await getDb().emailChange.findFirst({ where: { id: intent.details ?? "", revertedAt: null, revertibleUntil: { gt: new Date() } } });
      if (!change?.revertibleUntil || change.oldEmail !== intent.address) return null;
      const { token } = await signToken("EMAIL_REVERT", { sub: change.userId, email: change.newEmail, ref: change.id, expiresAt: change.revertibleUntil });
      return emailChangedNoticeMail(intent.address, change.newEmail, `${APP_URL}/revert-email?token=${encodeURIComponent(token)}`);
    }
    case "SIGN_IN_CODE": {
      const parsed = signInCodeSchema.safeParse(parseJson(intent.details));
      const user = await currentUser(intent);
      if (!parsed.success || !user) return null;
      const code = await issueSignInCode(parsed.data.challengeId);
      // Finished or lapsed meanwhile: no code to send.
      if (!code) return null;
      return signInCodeMail(user.email, code, parsed.data.device, secureAccountLink(await createPasswordResetLink(user)));
    }
    case "EMAIL_IN_USE":
      return emailInUseMail(intent.address, `${APP_URL}/login`);
    case "NEW_DEVICE": {
      const user = await currentUser(intent);
      const device = parseDevice(intent.details);
      if (!user || !device) return null;
      return newDeviceMail(user.email, device, secureAccountLink(await createPasswordResetLink(user)));
    }
    case "REMINDER": {
      const reminder = await dueReminderOf(intent);
      if (!reminder) return null;
      return reminderMail(intent.address, reminder, `${APP_URL}/dashboard?date=${reminderDay(reminder)}`);
    }
  }
}
