// The social sign-in providers TropiCal knows, shared by server and browser code.
export const SOCIAL_PROVIDERS = ["google", "kakao", "naver"] as const;
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

export function isSocialProvider(value: unknown): value is SocialProvider {
  return typeof value === "string" && (SOCIAL_PROVIDERS as readonly string[]).includes(value);
}
