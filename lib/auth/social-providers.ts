// The social sign-in providers TropiCal knows, shared by server and browser code.
export const SOCIAL_PROVIDERS = ["google", "kakao", "naver"] as const;
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

// Their own names, the same in every language (mails name them to a reader of either).
export const PROVIDER_NAMES: Record<SocialProvider, string> = { google: "Google", kakao: "Kakao", naver: "Naver" };

export function isSocialProvider(value: unknown): value is SocialProvider {
  return typeof value === "string" && (SOCIAL_PROVIDERS as readonly string[]).includes(value);
}
