// What each API error code means to a person, in each language: the one wording the API's `message`,
// the middleware's refusals and the pages' error messages share. No framework import (the Edge
// middleware answers with it); `{seconds}` is the wait a 429 names.
import type { ErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";

export const API_ERRORS = {
  ko: {
    INVALID_INPUT: "입력한 내용을 확인해 주세요.",
    INVALID_JSON: "요청을 처리하지 못했습니다. 페이지를 새로고침한 뒤 다시 시도해 주세요.",
    AMBIGUOUS_CREDENTIALS: "로그인 쿠키와 Authorization 헤더를 함께 보냈습니다. 둘 중 하나만 보내 주세요.",
    UNAUTHENTICATED: "로그인이 필요합니다. 다시 로그인해 주세요.",
    INVALID_CREDENTIALS: "이메일 또는 비밀번호가 올바르지 않습니다.",
    INVALID_REFRESH_TOKEN: "세션이 만료되었습니다. 다시 로그인해 주세요.",
    EMAIL_NOT_VERIFIED: "이메일 인증이 필요합니다. 받은편지함을 확인해 주세요.",
    CROSS_SITE_REQUEST: "다른 사이트에서 보낸 요청은 처리하지 않습니다. TropiCal 페이지에서 다시 시도해 주세요.",
    FORBIDDEN: "이 작업을 할 권한이 없습니다.",
    REAUTHENTICATION_REQUIRED: "보안을 위해 본인인지 한 번 더 확인해 주세요.",
    ACCOUNT_DISABLED: "관리자가 이 계정의 사용을 중지했습니다.",
    SECOND_FACTOR_REQUIRED: "관리자는 2단계 인증이나 패스키가 있어야 합니다. 먼저 설정에서 추가해 주세요.",
    INSUFFICIENT_SCOPE: "이 토큰으로는 할 수 없는 요청입니다.",
    NOT_FOUND: "찾을 수 없습니다. 이미 바뀌었을 수 있으니 새로고침해 주세요.",
    METHOD_NOT_ALLOWED: "이 방식의 요청은 받지 않습니다.",
    ACCOUNT_EXISTS: "이 이메일을 쓰는 계정이 이미 있습니다.",
    LAST_ADMIN: "마지막 남은 관리자입니다. 먼저 다른 사람에게 관리자 권한을 주세요.",
    LAST_SIGN_IN_METHOD: "유일한 로그인 수단이라 해제할 수 없습니다. 먼저 비밀번호(비밀번호 찾기로 설정)나 패스키를 추가해 주세요.",
    LIMIT_REACHED: "더 추가할 수 없습니다. 먼저 하나를 지워 주세요.",
    CONFLICT_STATE: "지금 상태에서는 할 수 없습니다. 새로고침한 뒤 다시 시도해 주세요.",
    PAYLOAD_TOO_LARGE: "보낸 내용이 너무 큽니다.",
    UNSUPPORTED_MEDIA_TYPE: "요청을 처리하지 못했습니다. 페이지를 새로고침한 뒤 다시 시도해 주세요.",
    RATE_LIMITED: "시도가 너무 많습니다. {seconds}초 후에 다시 시도해 주세요.",
    INTERNAL: "문제가 발생했습니다. 다시 시도해 주세요.",
    SERVICE_UNAVAILABLE: "서비스를 잠시 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    SERVICE_UNREACHABLE: "연결된 서비스에 닿지 못했습니다. 잠시 후 다시 시도해 주세요.",
    SERVICE_TIMEOUT: "연결된 서비스가 제때 답하지 않았습니다. 잠시 후 다시 시도해 주세요.",
  },
  en: {
    INVALID_INPUT: "Check what you entered.",
    INVALID_JSON: "The request could not be read. Reload the page and try again.",
    AMBIGUOUS_CREDENTIALS: "The request carries both a sign-in cookie and an Authorization header. Send only one.",
    UNAUTHENTICATED: "Sign in to continue.",
    INVALID_CREDENTIALS: "The e-mail or password is incorrect.",
    INVALID_REFRESH_TOKEN: "Your session has ended. Please log in again.",
    EMAIL_NOT_VERIFIED: "Verify your e-mail address first; check your inbox.",
    CROSS_SITE_REQUEST: "Requests from other sites are not accepted. Try again from a TropiCal page.",
    FORBIDDEN: "You are not allowed to do this.",
    REAUTHENTICATION_REQUIRED: "For your security, confirm it is you once more.",
    ACCOUNT_DISABLED: "This account has been disabled by an administrator.",
    SECOND_FACTOR_REQUIRED: "Administrators need two-step verification or a passkey. Set one up in settings first.",
    INSUFFICIENT_SCOPE: "This token does not allow this request.",
    NOT_FOUND: "Not found. It may have changed; reload the page.",
    METHOD_NOT_ALLOWED: "This kind of request is not accepted here.",
    ACCOUNT_EXISTS: "An account already uses this e-mail address.",
    LAST_ADMIN: "This is the last active administrator. Grant the role to someone else first.",
    LAST_SIGN_IN_METHOD: "This is your only way to sign in. Add a password (through 'forgot password') or a passkey first.",
    LIMIT_REACHED: "You cannot add more; remove one first.",
    CONFLICT_STATE: "That is not possible right now. Reload the page and try again.",
    PAYLOAD_TOO_LARGE: "What you sent is too large.",
    UNSUPPORTED_MEDIA_TYPE: "The request could not be read. Reload the page and try again.",
    RATE_LIMITED: "Too many attempts. Try again in {seconds} seconds.",
    INTERNAL: "Something went wrong. Please try again.",
    SERVICE_UNAVAILABLE: "The service is briefly unavailable. Please try again shortly.",
    SERVICE_UNREACHABLE: "A connected service could not be reached. Please try again shortly.",
    SERVICE_TIMEOUT: "A connected service did not answer in time. Please try again shortly.",
  },
} as const satisfies Record<Locale, Record<ErrorCode, string>>;

// A 429 without Retry-After still names a wait: a minute.
export function apiErrorText(locale: Locale, code: ErrorCode, retryAfterSeconds?: number): string {
  return API_ERRORS[locale][code].replace("{seconds}", String(retryAfterSeconds ?? 60));
}
