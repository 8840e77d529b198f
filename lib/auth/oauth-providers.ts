import "server-only";
import type { Provider } from "next-auth/providers/index";
import GoogleProvider from "next-auth/providers/google";
import KakaoProvider from "next-auth/providers/kakao";
import NaverProvider from "next-auth/providers/naver";
import { z } from "zod";
import { getEnv, type Env } from "@/lib/env";
import type { OAuthProvider } from "@/lib/generated/prisma/enums";
import { SOCIAL_PROVIDERS, type SocialProvider } from "@/lib/auth/social-providers";

// What a provider told us about the person, in one shape for all three.
export interface ProviderIdentity {
  provider: SocialProvider;
  providerAccountId: string;
  name?: string;
  // Lower-cased; trusted only when emailVerified is true.
  email?: string;
  emailVerified: boolean;
}

const DB_PROVIDER = { google: "GOOGLE", kakao: "KAKAO", naver: "NAVER" } as const satisfies Record<SocialProvider, OAuthProvider>;
const FROM_DB_PROVIDER = { GOOGLE: "google", KAKAO: "kakao", NAVER: "naver" } as const satisfies Record<Exclude<OAuthProvider, "SSO">, SocialProvider>;
// The social providers among the stored ones; SSO rows belong to a company connection (lib/auth/sso/).
export type SocialDbProvider = keyof typeof FROM_DB_PROVIDER;

export function isSocialDbProvider(provider: OAuthProvider): provider is SocialDbProvider {
  return Object.hasOwn(FROM_DB_PROVIDER, provider);
}

export function toDbProvider(provider: SocialProvider): OAuthProvider {
  return DB_PROVIDER[provider];
}

export function fromDbProvider(provider: SocialDbProvider): SocialProvider {
  return FROM_DB_PROVIDER[provider];
}

function credentials(env: Env, provider: SocialProvider): { clientId: string; clientSecret: string } | null {
  const ids = { google: [env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET], kakao: [env.KAKAO_CLIENT_ID, env.KAKAO_CLIENT_SECRET], naver: [env.NAVER_CLIENT_ID, env.NAVER_CLIENT_SECRET] }[provider];
  const [clientId, clientSecret] = ids;
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

export function configuredProviders(): SocialProvider[] {
  const env = getEnv();
  // A provider accepts only the callback URLs registered with it, and a preview's URL is new with
  // every deployment: social sign-in is off there (lib/startup.ts says so) rather than broken.
  if (env.PREVIEW) return [];
  return SOCIAL_PROVIDERS.filter((provider) => credentials(env, provider) !== null);
}

function trimBase(url: string): string {
  return url.replace(/\/+$/, "");
}

// Where each provider lives, from the environment: the real services by default, local stand-ins
// in development and tests.
function endpoints(env: Env) {
  const kakao = trimBase(env.KAKAO_AUTH_URL);
  const naver = trimBase(env.NAVER_AUTH_URL);
  return {
    google: { discovery: `${trimBase(env.GOOGLE_ISSUER)}/.well-known/openid-configuration` },
    kakao: { authorize: `${kakao}/oauth/authorize`, token: `${kakao}/oauth/token`, userinfo: `${trimBase(env.KAKAO_API_URL)}/v2/user/me` },
    naver: { authorize: `${naver}/oauth2.0/authorize`, token: `${naver}/oauth2.0/token`, userinfo: `${trimBase(env.NAVER_API_URL)}/v1/nid/me` },
  };
}

// next-auth's provider definitions with the endpoints from the environment. PKCE and state on
// Google and Kakao, which support both; Naver supports state only.
export function nextAuthProviders(): Provider[] {
  const env = getEnv();
  const urls = endpoints(env);
  const providers: Provider[] = [];
  // openid-client's limit on each call: it gives up on one that has not begun to answer by then.
  const httpOptions = { timeout: env.PROVIDER_TIMEOUT_MS };
  const google = credentials(env, "google");
  if (google) providers.push(GoogleProvider({ ...google, wellKnown: urls.google.discovery, checks: ["pkce", "state"], httpOptions }));
  const kakao = credentials(env, "kakao");
  if (kakao) {
    providers.push(
      KakaoProvider({
        ...kakao,
        authorization: { url: urls.kakao.authorize, params: { scope: "" } },
        token: urls.kakao.token,
        userinfo: urls.kakao.userinfo,
        checks: ["pkce", "state"],
        httpOptions,
      }),
    );
  }
  const naver = credentials(env, "naver");
  if (naver) {
    providers.push(
      NaverProvider({
        ...naver,
        authorization: { url: urls.naver.authorize, params: {} },
        token: urls.naver.token,
        userinfo: urls.naver.userinfo,
        // Naver documents the client credentials as request parameters.
        client: { token_endpoint_auth_method: "client_secret_post" },
        checks: ["state"],
        httpOptions,
      }),
    );
  }
  return providers;
}

// What the breaker's probe asks (lib/auth/provider-breaker.ts): an endpoint the server itself calls
// in a sign-in, which a working provider answers without credentials (with its discovery document,
// or by refusing a token request that carries none) and a failing one with 5xx or not at all.
export function probeUrl(provider: SocialProvider): string {
  const urls = endpoints(getEnv());
  return provider === "google" ? urls.google.discovery : urls[provider].token;
}

const optionalEmail = z.email().max(254).optional().catch(undefined);
const optionalName = z.string().trim().min(1).max(100).optional().catch(undefined);

const googleProfile = z.object({ iss: z.string(), sub: z.string().min(1).max(255), name: optionalName, email: optionalEmail, email_verified: z.boolean().optional().catch(undefined) });
const kakaoProfile = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(255)]),
  kakao_account: z
    .object({
      profile: z.object({ nickname: optionalName }).optional().catch(undefined),
      email: optionalEmail,
      is_email_valid: z.boolean().optional().catch(undefined),
      is_email_verified: z.boolean().optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});
const naverProfile = z.object({ response: z.object({ id: z.string().min(1).max(255), nickname: optionalName, name: optionalName, email: optionalEmail }) });

// The provider's profile, parsed rather than trusted. Google and Kakao say whether the e-mail is
// verified; Naver does not, so its address is verified here by code like a typed one.
export function identityFromProfile(provider: SocialProvider, profile: unknown): ProviderIdentity | null {
  if (provider === "google") {
    const parsed = googleProfile.safeParse(profile);
    // openid-client checks the ID token's issuer against the discovered metadata; this pins that
    // metadata to the configured issuer, so a document naming another issuer is refused.
    if (!parsed.success || parsed.data.iss !== trimBase(getEnv().GOOGLE_ISSUER)) return null;
    const { sub, name, email, email_verified } = parsed.data;
    return { provider, providerAccountId: sub, name, email: email?.toLowerCase(), emailVerified: Boolean(email && email_verified === true) };
  }
  if (provider === "kakao") {
    const parsed = kakaoProfile.safeParse(profile);
    if (!parsed.success) return null;
    const account = parsed.data.kakao_account;
    const email = account?.email?.toLowerCase();
    const verified = Boolean(email && account?.is_email_valid === true && account.is_email_verified === true);
    return { provider, providerAccountId: String(parsed.data.id), name: account?.profile?.nickname, email, emailVerified: verified };
  }
  const parsed = naverProfile.safeParse(profile);
  if (!parsed.success) return null;
  const { id, nickname, name, email } = parsed.data.response;
  return { provider, providerAccountId: id, name: nickname ?? name, email: email?.toLowerCase(), emailVerified: false };
}
