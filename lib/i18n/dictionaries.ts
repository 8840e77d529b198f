// Korean first; English for everyone else. Keys are grouped by page.
export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const ko = {
  common: {
    appName: "TropiCal",
    tagline: "일정, 할 일, 버킷리스트를 한곳에서",
    language: "언어",
    login: "로그인",
    signup: "회원가입",
    logout: "로그아웃",
    email: "이메일",
    password: "비밀번호",
    nickname: "닉네임",
    submitting: "처리 중…",
    networkError: "서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
    genericError: "문제가 발생했습니다. 다시 시도해 주세요.",
    rateLimited: "시도가 너무 많습니다. {seconds}초 후에 다시 시도해 주세요.",
    home: "처음으로",
  },
  welcome: {
    title: "하루를 계획하는 가장 안전한 방법",
    body: "TropiCal은 캘린더, 할 일 목록, 버킷리스트를 하나로 묶은 개인 플래너입니다. 계정은 HttpOnly 쿠키와 짧은 수명의 토큰으로 보호됩니다.",
    features: ["월간·주간 캘린더", "우선순위가 있는 할 일", "평생의 버킷리스트"],
    start: "무료로 시작하기",
    haveAccount: "이미 계정이 있어요",
  },
  login: {
    title: "로그인",
    submit: "로그인",
    noAccount: "계정이 없으신가요?",
    invalid: "이메일 또는 비밀번호가 올바르지 않습니다.",
    notVerified: "이메일 인증이 필요합니다. 받은편지함을 확인하거나 인증 메일을 다시 받아 주세요.",
    resend: "인증 메일 다시 보내기",
    sessionEnded: "세션이 만료되었습니다. 다시 로그인해 주세요.",
  },
  signup: {
    title: "회원가입",
    submit: "가입하기",
    passwordHint: "10자 이상",
    terms: "서비스 이용약관에 동의합니다 (필수)",
    privacy: "개인정보 처리방침에 동의합니다 (필수)",
    marketing: "마케팅 정보 수신에 동의합니다 (선택)",
    readTerms: "약관 보기",
    haveAccount: "이미 계정이 있으신가요?",
    consentsRequired: "필수 약관에 동의해 주세요.",
  },
  verifyRequired: {
    title: "이메일을 확인해 주세요",
    body: "가입하신 주소로 인증 링크를 보냈습니다. 링크는 30분 동안 한 번만 사용할 수 있습니다.",
    resendTitle: "메일이 오지 않았나요?",
    resend: "인증 메일 다시 보내기",
    sent: "인증이 필요한 주소라면 새 링크를 보냈습니다.",
  },
  verified: { title: "이메일 인증 완료", body: "이제 로그인해서 TropiCal을 사용할 수 있습니다.", action: "로그인하기" },
  verifyFailed: {
    title: "이메일 인증 실패",
    expired: "인증 링크가 만료되었습니다 (30분). 새 링크를 받아 주세요.",
    used: "이미 사용된 인증 링크입니다. 인증을 마치셨다면 로그인해 주세요.",
    invalid: "올바르지 않은 인증 링크입니다. 새 링크를 받아 주세요.",
    resend: "새 인증 메일 받기",
  },
  terms: { title: "이용약관 및 개인정보 처리방침" },
  dashboard: {
    calendar: "캘린더",
    todo: "할 일",
    bucket: "버킷리스트",
    greeting: "{name}님, 반가워요",
    calendarIntro: "이번 달 일정을 한눈에 확인하세요.",
    todoIntro: "할 일을 정리하세요.",
    bucketIntro: "평생 이루고 싶은 일을 모아 두세요.",
    comingSoon: "곧 여기에서 항목을 추가할 수 있습니다.",
    loading: "불러오는 중…",
  },
  errors: { notFound: "페이지를 찾을 수 없습니다." },
} as const;

type Dictionary = { [Section in keyof typeof ko]: { [Key in keyof (typeof ko)[Section]]: (typeof ko)[Section][Key] extends readonly string[] ? readonly string[] : string } };

const en: Dictionary = {
  common: {
    appName: "TropiCal",
    tagline: "Your calendar, todos and bucket list in one place",
    language: "Language",
    login: "Log in",
    signup: "Sign up",
    logout: "Log out",
    email: "E-mail",
    password: "Password",
    nickname: "Nickname",
    submitting: "Working…",
    networkError: "Cannot reach the server. Please try again shortly.",
    genericError: "Something went wrong. Please try again.",
    rateLimited: "Too many attempts. Try again in {seconds} seconds.",
    home: "Home",
  },
  welcome: {
    title: "The safest way to plan your days",
    body: "TropiCal is a personal planner that brings your calendar, todo list and bucket list together. Your account is protected by HttpOnly cookies and short-lived tokens.",
    features: ["Month and week calendar", "Todos with priorities", "A bucket list for life"],
    start: "Get started free",
    haveAccount: "I already have an account",
  },
  login: {
    title: "Log in",
    submit: "Log in",
    noAccount: "No account yet?",
    invalid: "The e-mail or password is incorrect.",
    notVerified: "Verify your e-mail first. Check your inbox or send the link again.",
    resend: "Resend verification e-mail",
    sessionEnded: "Your session has ended. Please log in again.",
  },
  signup: {
    title: "Sign up",
    submit: "Create account",
    passwordHint: "At least 10 characters",
    terms: "I accept the terms of service (required)",
    privacy: "I accept the privacy policy (required)",
    marketing: "Send me news and offers (optional)",
    readTerms: "Read the terms",
    haveAccount: "Already have an account?",
    consentsRequired: "Please accept the required terms.",
  },
  verifyRequired: {
    title: "Check your e-mail",
    body: "We sent a verification link to your address. It works once, for 30 minutes.",
    resendTitle: "No e-mail?",
    resend: "Resend verification e-mail",
    sent: "If that address needs verifying, a new link is on its way.",
  },
  verified: { title: "E-mail verified", body: "You can now log in and start using TropiCal.", action: "Log in" },
  verifyFailed: {
    title: "Verification failed",
    expired: "This link has expired (30 minutes). Get a new one below.",
    used: "This link was already used. If you verified, just log in.",
    invalid: "This verification link is not valid. Get a new one below.",
    resend: "Get a new link",
  },
  terms: { title: "Terms of service and privacy policy" },
  dashboard: {
    calendar: "Calendar",
    todo: "Todo",
    bucket: "Bucket list",
    greeting: "Hello, {name}",
    calendarIntro: "See your month at a glance.",
    todoIntro: "Keep your tasks in order.",
    bucketIntro: "Collect what you want to do in your life.",
    comingSoon: "You will be able to add items here soon.",
    loading: "Loading…",
  },
  errors: { notFound: "Page not found." },
};

export const DICTIONARIES: Record<Locale, Dictionary> = { ko, en };
export type { Dictionary };

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}
