import "server-only";
import { z } from "zod";

const header = z.string().regex(/^[a-z0-9-]{1,64}$/i).transform((value) => value.toLowerCase());

// Parsed once per server process. In production a missing or bad value stops the app at start
// (instrumentation.ts); the development scripts fill in local defaults before the app starts.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z.string({ error: "is required" }).regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  AUTH_SECRET: z.string({ error: "is required (at least 32 bytes)" }).refine((value) => new TextEncoder().encode(value).length >= 32, "must be at least 32 bytes"),
  SMTP_URL: z.string({ error: "is required" }).regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL"),
  MAIL_FROM: z.string().min(3).default("TropiCal <no-reply@localhost>"),
  // Where the client's address comes from (lib/http/client-ip.ts): a header the platform or proxy
  // sets, or how many proxies in front append to X-Forwarded-For.
  CLIENT_IP_HEADER: header.optional(),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  // The header the platform or proxy puts the visitor's country in (x-vercel-ip-country, cf-ipcountry…).
  COUNTRY_HEADER: header.optional(),
  // Set by server.ts in its own process, never by an operator: it hands the app the socket address.
  TROPICAL_SOCKET_ADDRESS: z.literal("server.ts").optional(),
  // Set by Vercel on its deployments: the platform's own headers are then the defaults above.
  VERCEL: z.string().optional(),
  // Bearer token for /api/metrics; without it the endpoint does not exist.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Social sign-in: a provider is offered only when both its client id and secret are set. The
  // endpoint bases default to the real providers; development and tests point them at local servers.
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_ISSUER: z.url({ protocol: /^https?$/ }).default("https://accounts.google.com"),
  KAKAO_CLIENT_ID: z.string().min(1).optional(),
  KAKAO_CLIENT_SECRET: z.string().min(1).optional(),
  KAKAO_AUTH_URL: z.url({ protocol: /^https?$/ }).default("https://kauth.kakao.com"),
  KAKAO_API_URL: z.url({ protocol: /^https?$/ }).default("https://kapi.kakao.com"),
  NAVER_CLIENT_ID: z.string().min(1).optional(),
  NAVER_CLIENT_SECRET: z.string().min(1).optional(),
  NAVER_AUTH_URL: z.url({ protocol: /^https?$/ }).default("https://nid.naver.com"),
  NAVER_API_URL: z.url({ protocol: /^https?$/ }).default("https://openapi.naver.com"),
  // Set by the development scripts only: where the local SMTP catcher drops mail for /dev/mailbox.
  MAIL_CATCHER_DIR: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${issue?.path.join(".")} ${issue?.message}`);
  }
  const appUrl = new URL(parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).origin;
  const onVercel = parsed.data.VERCEL === "1";
  cached = {
    ...parsed.data,
    APP_URL: appUrl,
    // Vercel sets these on every request and overwrites what a client sent in them.
    CLIENT_IP_HEADER: parsed.data.CLIENT_IP_HEADER ?? (onVercel && parsed.data.TRUSTED_PROXY_HOPS === 0 ? "x-vercel-forwarded-for" : undefined),
    COUNTRY_HEADER: parsed.data.COUNTRY_HEADER ?? (onVercel ? "x-vercel-ip-country" : undefined),
  };
  return cached;
}
