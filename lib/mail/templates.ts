import "server-only";
import { describeDevice } from "@/lib/auth/device";
import type { RequestMeta } from "@/lib/http/request-meta";
import type { MailMessage } from "@/lib/mail/send";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function layout(title: string, paragraphs: string[], action?: { url: string; label: string }): string {
  const body = paragraphs.map((paragraph) => `<p style="margin:0 0 12px">${escapeHtml(paragraph)}</p>`).join("");
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#0f766e;color:#fff;padding:12px 20px;border-radius:8px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>`
    : "";
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;color:#111827;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px;color:#0f766e">TropiCal</h1>${body}${button}</body></html>`;
}

export function verificationMail(to: string, nickname: string, verifyUrl: string): MailMessage {
  const ko = [`${nickname}님, TropiCal 가입을 환영합니다.`, "아래 버튼을 눌러 이메일 주소를 인증해 주세요. 링크는 30분 동안 한 번만 사용할 수 있습니다."];
  const en = [`Welcome to TropiCal, ${nickname}.`, "Confirm your e-mail address with the button below. The link works once, for 30 minutes."];
  const ignore = ["가입하지 않으셨다면 이 메일을 무시하세요. / If you did not sign up, ignore this e-mail."];
  return {
    to,
    subject: "[TropiCal] 이메일 인증 / Verify your e-mail",
    text: [...ko, "", ...en, "", verifyUrl, "", ...ignore].join("\n"),
    html: layout("TropiCal", [...ko, ...en, ...ignore], { url: verifyUrl, label: "이메일 인증하기 / Verify e-mail" }),
  };
}

export function alreadyRegisteredMail(to: string, loginUrl: string): MailMessage {
  const ko = ["이 이메일 주소로 TropiCal 가입이 다시 시도되었습니다. 이미 계정이 있으니 로그인해 주세요.", "본인이 시도하지 않았다면 이 메일을 무시하셔도 됩니다."];
  const en = ["Someone tried to sign up to TropiCal with this address. You already have an account: sign in instead.", "If this was not you, you can ignore this e-mail."];
  return {
    to,
    subject: "[TropiCal] 이미 가입된 이메일 / You already have an account",
    text: [...ko, "", ...en, "", loginUrl].join("\n"),
    html: layout("TropiCal", [...ko, ...en], { url: loginUrl, label: "로그인 / Sign in" }),
  };
}

// A sign-up for an address that has an account nobody confirmed yet. No verification link: that
// would confirm whatever password the first sign-up chose, which may not be this person's.
export function unconfirmedAccountMail(to: string, resetUrl: string): MailMessage {
  const ko = [
    "이 이메일 주소로 TropiCal 가입이 다시 시도되었습니다. 이 주소에는 아직 인증되지 않은 계정이 있습니다.",
    "아래 버튼으로 직접 비밀번호를 정하면 이 계정은 회원님의 것이 되고, 전에 정해진 비밀번호는 더 이상 쓸 수 없습니다. 링크는 30분 동안 한 번만 쓸 수 있습니다.",
  ];
  const en = [
    "Someone tried to sign up to TropiCal with this address again. The address already has an account that was never confirmed.",
    "Choose your own password with the button below and the account is yours; any password set before stops working. The link works once, for 30 minutes.",
  ];
  const ignore = ["직접 시도하지 않았다면 이 메일을 무시하세요. / If this was not you, ignore this e-mail."];
  return {
    to,
    subject: "[TropiCal] 가입을 마무리하세요 / Finish signing up",
    text: [...ko, "", ...en, "", resetUrl, "", ...ignore].join("\n"),
    html: layout("TropiCal", [...ko, ...en, ...ignore], { url: resetUrl, label: "비밀번호 정하기 / Choose a password" }),
  };
}

export function newDeviceMail(to: string, meta: RequestMeta, notMeUrl: string): MailMessage {
  const where = [describeDevice(meta.userAgent), meta.ip, meta.country].filter(Boolean).join(" · ");
  const ko = ["새 기기에서 TropiCal에 로그인했습니다.", `기기: ${where}`, "본인이 아니라면 아래 버튼을 누르세요. 모든 기기에서 즉시 로그아웃되고 새 비밀번호를 정하게 됩니다 (30분 안에)."];
  const en = ["Your TropiCal account was just signed in from a new device.", `Device: ${where}`, "If this wasn't you, press the button below: every device is signed out at once and you choose a new password (within 30 minutes)."];
  return {
    to,
    subject: "[TropiCal] 새 기기 로그인 / New sign-in",
    text: [...ko, "", ...en, "", `본인이 아닙니다 / This wasn't me: ${notMeUrl}`].join("\n"),
    html: layout("TropiCal", [...ko, ...en], { url: notMeUrl, label: "본인이 아닙니다 / This wasn't me" }),
  };
}

export function passwordResetMail(to: string, resetUrl: string): MailMessage {
  const ko = ["TropiCal 비밀번호 재설정을 요청하셨습니다.", "아래 버튼을 눌러 새 비밀번호를 정해 주세요. 링크는 30분 동안 한 번만 쓸 수 있고, 재설정하면 모든 기기에서 로그아웃됩니다."];
  const en = ["You asked to reset your TropiCal password.", "Choose a new one with the button below. The link works once, for 30 minutes; resetting signs you out everywhere."];
  const ignore = ["요청하지 않으셨다면 이 메일을 무시하세요. / If you did not ask, ignore this e-mail."];
  return {
    to,
    subject: "[TropiCal] 비밀번호 재설정 / Reset your password",
    text: [...ko, "", ...en, "", resetUrl, "", ...ignore].join("\n"),
    html: layout("TropiCal", [...ko, ...en, ...ignore], { url: resetUrl, label: "비밀번호 재설정 / Reset password" }),
  };
}

// The code that proves an address during social sign-up (and, for an existing account there, that
// the account is the user's own).
export function emailCodeMail(to: string, code: string): MailMessage {
  const ko = [`TropiCal 인증 코드: ${code}`, "가입 화면에 이 코드를 입력해 주세요. 10분 동안 유효합니다.", "직접 요청하지 않았다면 이 메일을 무시하세요."];
  const en = [`Your TropiCal code: ${code}`, "Enter it on the sign-up page. It is valid for 10 minutes.", "If you did not ask for it, ignore this e-mail."];
  return {
    to,
    subject: `[TropiCal] 인증 코드 ${code} / Your code`,
    text: [...ko, "", ...en].join("\n"),
    html: layout("TropiCal", [...ko, ...en]),
  };
}
