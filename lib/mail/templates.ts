import "server-only";
import { describeDevice } from "@/lib/auth/device";
import type { RequestMeta } from "@/lib/http/request-meta";

// Where a request came from, as a mail tells it.
type DeviceFacts = Pick<RequestMeta, "userAgent" | "ip" | "country">;
import type { MailMessage } from "@/lib/mail/send";

// Every mail is in Korean, then English: the address alone does not tell the reader's language.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

interface MailSpec {
  subject: { ko: string; en: string };
  ko: string[];
  en: string[];
  // The one thing the mail asks to do, as a button (and its address in the text part).
  action?: { url: string; ko: string; en: string };
  // Closing lines, already in both languages.
  footer?: string[];
}

// The mail's button and, below it, the same address as a short link for a client that does not show
// buttons: it reads as the site and page (the token makes the whole URL hundreds of characters long)
// while its href is the whole URL. The text part has no links to hide one behind, so the whole URL
// stands there, on a line of its own after the message.
function actionHtml(action: NonNullable<MailSpec["action"]>, label: string): string {
  const href = escapeHtml(action.url);
  const { host, pathname } = new URL(action.url);
  return [
    `<p style="margin:24px 0"><a href="${href}" style="background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block;font-weight:600">${escapeHtml(label)}</a></p>`,
    `<p style="margin:0 0 12px;font-size:13px;color:#475569">버튼이 열리지 않으면 / If the button does not work: <a href="${href}" style="color:#0f766e">${escapeHtml(`${host}${pathname}`)}</a></p>`,
  ].join("");
}

function bilingualMail(to: string, spec: MailSpec): MailMessage {
  const { action, footer = [] } = spec;
  const label = action ? `${action.ko} / ${action.en}` : "";
  const paragraphs = [...spec.ko, ...spec.en, ...footer].map((paragraph) => `<p style="margin:0 0 12px">${escapeHtml(paragraph)}</p>`).join("");
  const button = action ? actionHtml(action, label) : "";
  return {
    to,
    subject: `[TropiCal] ${spec.subject.ko} / ${spec.subject.en}`,
    text: [...spec.ko, "", ...spec.en, ...(action ? ["", `${label}:`, action.url] : []), ...(footer.length ? ["", ...footer] : [])].join("\n"),
    html: `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>TropiCal</title></head><body style="font-family:sans-serif;color:#111827;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px;color:#0f766e">TropiCal</h1>${paragraphs}${button}</body></html>`,
  };
}

function where(meta: DeviceFacts): string {
  return [describeDevice(meta.userAgent), meta.ip, meta.country].filter(Boolean).join(" · ");
}

const NOT_ME = { ko: "본인이 아닙니다", en: "This wasn't me" };

export function verificationMail(to: string, nickname: string, verifyUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "이메일 인증", en: "Verify your e-mail" },
    ko: [`${nickname}님, TropiCal 가입을 환영합니다.`, "아래 버튼을 눌러 이메일 주소를 인증해 주세요. 링크는 30분 동안 한 번만 사용할 수 있습니다."],
    en: [`Welcome to TropiCal, ${nickname}.`, "Confirm your e-mail address with the button below. The link works once, for 30 minutes."],
    action: { url: verifyUrl, ko: "이메일 인증하기", en: "Verify e-mail" },
    footer: ["가입하지 않으셨다면 이 메일을 무시하세요. / If you did not sign up, ignore this e-mail."],
  });
}

export function alreadyRegisteredMail(to: string, loginUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "이미 가입된 이메일", en: "You already have an account" },
    ko: ["이 이메일 주소로 TropiCal 가입이 다시 시도되었습니다. 이미 계정이 있으니 로그인해 주세요.", "본인이 시도하지 않았다면 이 메일을 무시하셔도 됩니다."],
    en: ["Someone tried to sign up to TropiCal with this address. You already have an account: sign in instead.", "If this was not you, you can ignore this e-mail."],
    action: { url: loginUrl, ko: "로그인", en: "Sign in" },
  });
}

// A sign-up for an address that has an account nobody confirmed yet. No verification link: that
// would confirm whatever password the first sign-up chose, which may not be this person's.
export function unconfirmedAccountMail(to: string, resetUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "가입을 마무리하세요", en: "Finish signing up" },
    ko: [
      "이 이메일 주소로 TropiCal 가입이 다시 시도되었습니다. 이 주소에는 아직 인증되지 않은 계정이 있습니다.",
      "아래 버튼으로 직접 비밀번호를 정하면 이 계정은 회원님의 것이 되고, 전에 정해진 비밀번호는 더 이상 쓸 수 없습니다. 링크는 30분 동안 한 번만 쓸 수 있습니다.",
    ],
    en: [
      "Someone tried to sign up to TropiCal with this address again. The address already has an account that was never confirmed.",
      "Choose your own password with the button below and the account is yours; any password set before stops working. The link works once, for 30 minutes.",
    ],
    action: { url: resetUrl, ko: "비밀번호 정하기", en: "Choose a password" },
    footer: ["직접 시도하지 않았다면 이 메일을 무시하세요. / If this was not you, ignore this e-mail."],
  });
}

export function newDeviceMail(to: string, meta: DeviceFacts, notMeUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "새 기기 로그인", en: "New sign-in" },
    ko: ["새 기기에서 TropiCal에 로그인했습니다.", `기기: ${where(meta)}`, "본인이 아니라면 아래 버튼을 누르세요. 모든 기기에서 즉시 로그아웃되고 새 비밀번호를 정하게 됩니다 (30분 안에)."],
    en: [
      "Your TropiCal account was just signed in from a new device.",
      `Device: ${where(meta)}`,
      "If this wasn't you, press the button below: every device is signed out at once and you choose a new password (within 30 minutes).",
    ],
    action: { url: notMeUrl, ...NOT_ME },
  });
}

export function passwordResetMail(to: string, resetUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "비밀번호 재설정", en: "Reset your password" },
    ko: ["TropiCal 비밀번호 재설정을 요청하셨습니다.", "아래 버튼을 눌러 새 비밀번호를 정해 주세요. 링크는 30분 동안 한 번만 쓸 수 있고, 재설정하면 모든 기기에서 로그아웃됩니다."],
    en: ["You asked to reset your TropiCal password.", "Choose a new one with the button below. The link works once, for 30 minutes; resetting signs you out everywhere."],
    action: { url: resetUrl, ko: "비밀번호 재설정", en: "Reset password" },
    footer: ["요청하지 않으셨다면 이 메일을 무시하세요. / If you did not ask, ignore this e-mail."],
  });
}

// The code that proves an address during social sign-up (and, for an existing account there, that
// the account is the user's own).
export function emailCodeMail(to: string, code: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: `인증 코드 ${code}`, en: "Your code" },
    ko: [`TropiCal 인증 코드: ${code}`, "가입 화면에 이 코드를 입력해 주세요. 10분 동안 유효합니다.", "직접 요청하지 않았다면 이 메일을 무시하세요."],
    en: [`Your TropiCal code: ${code}`, "Enter it on the sign-up page. It is valid for 10 minutes.", "If you did not ask for it, ignore this e-mail."],
  });
}

// A password sign-in from a device the account does not know: the code that completes it.
export function signInCodeMail(to: string, code: string, meta: DeviceFacts, notMeUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: `로그인 코드 ${code}`, en: "Your sign-in code" },
    ko: [
      `TropiCal 로그인 코드: ${code}`,
      `처음 보는 기기에서 로그인하려고 합니다. 기기: ${where(meta)}`,
      "로그인 화면에 이 코드를 입력해 주세요. 10분 동안 유효합니다. 직접 로그인하는 중이 아니라면 누군가 비밀번호를 알고 있는 것이니 아래 버튼을 누르세요.",
    ],
    en: [
      `Your TropiCal sign-in code: ${code}`,
      `Someone is signing in from a device this account has not used before. Device: ${where(meta)}`,
      "Enter the code on the sign-in page; it is valid for 10 minutes. If you are not signing in, someone knows your password: press the button below.",
    ],
    action: { url: notMeUrl, ...NOT_ME },
  });
}

// Sent to the new address: the change happens only when this link is used.
export function emailChangeConfirmMail(to: string, confirmUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "새 이메일 주소 확인", en: "Confirm your new e-mail address" },
    ko: ["TropiCal 계정의 이메일 주소를 이 주소로 바꾸려고 합니다.", "아래 버튼을 누르면 바뀝니다. 링크는 30분 동안 한 번만 쓸 수 있습니다."],
    en: ["You asked to move your TropiCal account to this address.", "Press the button below to make the change. The link works once, for 30 minutes."],
    action: { url: confirmUrl, ko: "이 주소로 바꾸기", en: "Use this address" },
    footer: ["요청하지 않으셨다면 이 메일을 무시하세요. 아무것도 바뀌지 않습니다. / If you did not ask, ignore this e-mail: nothing changes."],
  });
}

// Sent to the old address once the change is done, with the way back.
export function emailChangedNoticeMail(to: string, newEmail: string, revertUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "이메일 주소가 바뀌었습니다", en: "Your e-mail address was changed" },
    ko: [
      `TropiCal 계정의 이메일 주소가 ${newEmail}(으)로 바뀌었습니다.`,
      "직접 하지 않았다면 아래 버튼을 누르세요. 7일 안에는 이 주소로 되돌리고, 모든 기기에서 로그아웃한 뒤 새 비밀번호를 정할 수 있습니다.",
    ],
    en: [
      `Your TropiCal account's e-mail address was changed to ${newEmail}.`,
      "If this wasn't you, press the button below: for 7 days it puts this address back, signs out every device and lets you choose a new password.",
    ],
    action: { url: revertUrl, ko: "되돌리기", en: "Undo the change" },
  });
}

// Sent to an address someone asked to move an account to, when it already has an account of its own.
export function emailInUseMail(to: string, loginUrl: string): MailMessage {
  return bilingualMail(to, {
    subject: { ko: "이미 사용 중인 이메일", en: "This address is already in use" },
    ko: ["누군가 TropiCal 계정의 이메일 주소를 이 주소로 바꾸려고 했지만, 이 주소에는 이미 계정이 있어 아무것도 바뀌지 않았습니다."],
    en: ["Someone asked to move a TropiCal account to this address. It already has an account, so nothing changed."],
    action: { url: loginUrl, ko: "로그인", en: "Sign in" },
  });
}

// What changed, for the security notice: its subject and one sentence in each language.
export const ACCOUNT_CHANGES = {
  PASSWORD_CHANGED: { ko: "비밀번호가 바뀌었습니다", en: "Your password was changed" },
  PASSWORD_RESET: { ko: "비밀번호가 재설정되었습니다", en: "Your password was reset" },
  PASSKEY_ADDED: { ko: "새 패스키가 추가되었습니다", en: "A passkey was added" },
  PASSKEY_REMOVED: { ko: "패스키가 삭제되었습니다", en: "A passkey was removed" },
  PROVIDER_LINKED: { ko: "소셜 계정이 연결되었습니다", en: "A social account was connected" },
  PROVIDER_UNLINKED: { ko: "소셜 계정 연결이 해제되었습니다", en: "A social account was disconnected" },
  MFA_ENABLED: { ko: "2단계 인증이 켜졌습니다", en: "Two-step verification was turned on" },
  MFA_DISABLED: { ko: "2단계 인증이 꺼졌습니다", en: "Two-step verification was turned off" },
  RECOVERY_CODE_USED: { ko: "복구 코드로 로그인했습니다", en: "A recovery code was used to sign in" },
  RECOVERY_CODES_RENEWED: { ko: "복구 코드가 새로 만들어졌습니다", en: "New recovery codes were made" },
  UNPROVEN_CREDENTIALS_DROPPED: { ko: "인증 전에 정해진 로그인 수단을 지웠습니다", en: "Sign-in methods set before the address was confirmed were removed" },
  ACCOUNT_DISABLED: { ko: "관리자가 계정을 사용 중지했습니다", en: "An administrator disabled your account" },
  ACCOUNT_ENABLED: { ko: "관리자가 계정을 다시 사용하게 했습니다", en: "An administrator enabled your account again" },
  ADMIN_GRANTED: { ko: "계정에 관리자 권한이 생겼습니다", en: "Your account was made an administrator" },
  ACCOUNT_DELETED: { ko: "계정이 삭제되었습니다", en: "Your account was deleted" },
} as const;

export type AccountChange = keyof typeof ACCOUNT_CHANGES;

// "Your password was changed" and the like, for every change to how the account signs in. With a
// "this wasn't me" link while the account exists; after a deletion there is nothing left to secure.
export function securityNoticeMail(to: string, change: AccountChange, detail: string | null, meta: DeviceFacts | null, notMeUrl: string | null): MailMessage {
  const what = ACCOUNT_CHANGES[change];
  const device = meta ? where(meta) : null;
  const headline = (text: string) => `${text}.${detail ? ` (${detail})` : ""}`;
  return bilingualMail(to, {
    subject: what,
    ko: [
      headline(what.ko),
      ...(device ? [`기기: ${device}`] : []),
      notMeUrl ? "직접 하지 않았다면 아래 버튼을 누르세요. 모든 기기에서 즉시 로그아웃되고 새 비밀번호를 정하게 됩니다 (30분 안에)." : "직접 하지 않았다면 이 메일에 답장해 알려 주세요.",
    ],
    en: [
      headline(what.en),
      ...(device ? [`Device: ${device}`] : []),
      notMeUrl
        ? "If this wasn't you, press the button below: every device is signed out at once and you choose a new password (within 30 minutes)."
        : "If this wasn't you, tell us by replying to this e-mail.",
    ],
    ...(notMeUrl ? { action: { url: notMeUrl, ...NOT_ME } } : {}),
  });
}

// How long before: "10분 후" / "in 10 minutes", in the largest whole unit.
export function leadTime(minutes: number, allDay: boolean): { ko: string; en: string } {
  if (minutes === 0) return allDay ? { ko: "오늘", en: "Today" } : { ko: "지금 시작", en: "Starting now" };
  const [count, ko, en] =
    minutes % 10080 === 0 ? [minutes / 10080, "주", "week"] : minutes % 1440 === 0 ? [minutes / 1440, "일", "day"] : minutes % 60 === 0 ? [minutes / 60, "시간", "hour"] : [minutes, "분", "minute"];
  return { ko: `${count}${ko} 후`, en: `In ${count} ${en}${count === 1 ? "" : "s"}` };
}

// "2027년 3월 10일 (수) 15:00 – 16:00 GMT+9" / "Wed, March 10, 2027, 3:00 PM – 4:00 PM GMT+9": the
// end's date only when it is another day. Korean on the 24-hour clock, which reads the same in
// every ICU build.
export function eventTime(start: Date, end: Date, allDay: boolean, timeZone: string, locale: "ko-KR" | "en-US"): string {
  const day: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric", weekday: "short" };
  if (allDay) return new Intl.DateTimeFormat(locale, { ...day, timeZone: "UTC" }).format(start);
  const clock: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit", timeZone, ...(locale === "ko-KR" ? { hourCycle: "h23" } : {}) };
  const dateOf = (instant: Date) => new Intl.DateTimeFormat(locale, { ...day, timeZone }).format(instant);
  const timeOf = (instant: Date) => new Intl.DateTimeFormat(locale, clock).format(instant);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(start).find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  const until = dateOf(end) === dateOf(start) ? timeOf(end) : `${dateOf(end)} ${timeOf(end)}`;
  return `${dateOf(start)} ${timeOf(start)} – ${until} ${zone}`;
}

// An event's reminder, with its time on the account's wall clock and a link to that day.
export function reminderMail(to: string, reminder: { title: string; start: Date; end: Date; allDay: boolean; minutesBefore: number; timeZone: string }, calendarUrl: string): MailMessage {
  const { title, start, end, allDay, minutesBefore, timeZone } = reminder;
  // One line, whatever the title holds.
  const name = title.replace(/\s+/g, " ");
  const lead = leadTime(minutesBefore, allDay);
  return bilingualMail(to, {
    subject: { ko: `${lead.ko}: ${name}`, en: `${lead.en}: ${name}` },
    ko: [`일정 알림: ${name}`, `시간: ${eventTime(start, end, allDay, timeZone, "ko-KR")}`],
    en: [`Event reminder: ${name}`, `When: ${eventTime(start, end, allDay, timeZone, "en-US")}`],
    action: { url: calendarUrl, ko: "캘린더에서 보기", en: "Open the calendar" },
    footer: ["알림은 일정 편집 화면에서 바꾸거나 끌 수 있습니다. / Change or turn off reminders in the event's editor."],
  });
}
