import "server-only";
import { z } from "zod";
import { parseKeyRing } from "@/lib/auth/key-ring";
import { pemFromEnv, samlKeyPairProblem, type SamlKeyPair } from "@/lib/auth/sso/saml-keys";
import { AUDIENCE, AUTH_SECRET_MIN_BYTES, isLongEnoughSecret } from "@/lib/auth/tokens";
import { appOrigins } from "@/lib/http/app-origin";
import { SERVICE_NAME } from "@/lib/validations/services";

const header = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/i)
  .transform((value) => value.toLowerCase());

// "name<separator>value" pairs, comma-separated, each name once, as a Map: a plain object would
// answer a lookup of "constructor" with Object's own. No service may be named for the audience of
// TropiCal's own access tokens.
function namedList<Value extends z.ZodType>(separator: string, value: Value) {
  return z
    .string()
    .optional()
    .transform((source, context) => {
      const entries = new Map<string, z.output<Value>>();
      const items = (source ?? "").split(",").map((part) => part.trim());
      for (const item of items.filter(Boolean)) {
        const at = item.indexOf(separator);
        const name = item.slice(0, Math.max(at, 0));
        const parsed = value.safeParse(item.slice(at + 1));
        if (at < 0 || !SERVICE_NAME.test(name) || name === AUDIENCE) {
          context.addIssue({ code: "custom", message: `needs name${separator}value pairs, each name lowercase letters, digits and dashes (not ${AUDIENCE})` });
        } else if (entries.has(name)) {
          context.addIssue({ code: "custom", message: `names ${name} twice` });
        } else if (!parsed.success) {
          context.addIssue({ code: "custom", message: `${name}: ${parsed.error.issues[0]?.message ?? "is invalid"}` });
        } else {
          entries.set(name, parsed.data);
        }
      }
      return entries;
    });
}

// Parsed once per server process. In production a missing or bad value stops the app at start
// (instrumentation.ts); the development scripts fill in local defaults before the app starts.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // The public origin (lib/http/app-origin.ts): required in production, derived on Vercel.
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Further origins the app is served from (comma-separated), accepted by the same-origin check.
  ALLOWED_ORIGINS: z.string().optional(),
  VERCEL_ENV: z.enum(["production", "preview", "development"]).optional(),
  VERCEL_URL: z.string().optional(),
  VERCEL_BRANCH_URL: z.string().optional(),
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
  DATABASE_URL: z.string({ error: "is required" }).regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  // Connections per process, and how long an idle one is kept (lib/db.ts).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  DATABASE_IDLE_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  AUTH_SECRET: z.string({ error: `is required (at least ${AUTH_SECRET_MIN_BYTES} bytes)` }).refine(isLongEnoughSecret, `must be at least ${AUTH_SECRET_MIN_BYTES} bytes`),
  // The secret before the last change of AUTH_SECRET: still accepted for the tokens and sealed
  // values it made, so changing the secret signs nobody out (README, "Rotating keys").
  AUTH_SECRET_PREVIOUS: z.string().refine(isLongEnoughSecret, `must be at least ${AUTH_SECRET_MIN_BYTES} bytes`).optional(),
  // The key ring that signs access and service tokens (lib/auth/key-ring.ts); `npm run keys:rotate`
  // creates and rotates it. Required in production; the development scripts keep one in .data/.
  AUTH_SIGNING_KEYS: z
    .string()
    .superRefine((value, context) => {
      try {
        parseKeyRing(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    })
    .optional(),
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
  // Bearer secret of /api/cron/* (Vercel Cron sends it); without it those routes do not exist.
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  // The gateway's internal services (lib/services/gateway.ts), e.g. "ai=http://127.0.0.1:8100": a
  // name not listed here is a 404 at /api/services/<name>/….
  SERVICES: namedList("=", z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })),
  // How long the gateway waits for a service's whole answer before it answers 504.
  SERVICE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Credentials of the services that may call /api/auth/introspect (HTTP Basic, client id = the
  // name), e.g. "ai:<secret>"; without any, the endpoint does not exist.
  SERVICE_SECRETS: namedList(":", z.string().min(16, "the secret must be at least 16 characters")),
  // The in-process sweeper (lib/jobs.ts): needed where the server lives on, pointless where nothing
  // outlives a request and the cron routes do its work instead.
  MAIL_SWEEPER: z.enum(["on", "off"], { error: "must be on or off" }).optional(),
  // How long one attempt at a queued mail holds it; every SMTP timeout is cut from it (lib/mail/lease.ts).
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  // How long security events (sign-ins, changes, from where) are kept (lib/retention.ts).
  SECURITY_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(365),
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
  // How long one call to a sign-in provider (discovery, token exchange, user info) may take; a
  // sign-in's calls together get three times this (lib/auth/oauth-client.ts).
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  // The providers' circuit breaker (lib/auth/provider-breaker.ts): consecutive failures that open
  // it, and how long it stays open before one probe may try the provider again.
  PROVIDER_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  PROVIDER_BREAKER_OPEN_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Set by the development scripts only: where the local SMTP catcher drops mail for /dev/mailbox.
  MAIL_CATCHER_DIR: z.string().min(1).optional(),
  // Web Push (lib/push/): the VAPID key pair the app signs its pushes with (base64url, as
  // `npx web-push generate-vapid-keys` prints them) and the contact the push services may write to.
  // All three or none: without them browser notifications are simply off.
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (87 characters)")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (43 characters)")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, "must be a mailto: address or an https: URL")
    .optional(),
  // Set by the test stack only: subscriptions may name a push service at http://127.0.0.1 (the tests'
  // stand-in) in a production build. Never set it in a deployment.
  PUSH_LOOPBACK_ENDPOINTS: z.literal("on", { error: "must be on or unset" }).optional(),
  // TropiCal's SAML service-provider key pair (lib/auth/sso/saml.ts): an RSA private key (PEM) and
  // its certificate (PEM), both or none; "\n" may stand for the newlines. It signs the AuthnRequests
  // and is the certificate the SP metadata shows. Without it SAML sign-in is off in production; the
  // development scripts keep one in .data/.
  SAML_SP_PRIVATE_KEY: z.string().min(1).optional(),
  SAML_SP_CERTIFICATE: z.string().min(1).optional(),
  // Set by the test stack only: IdP metadata may be fetched from http://127.0.0.1 (the tests' local
  // IdP) in a production build. Never set it in a deployment.
  SAML_LOOPBACK_METADATA: z.literal("on", { error: "must be on or unset" }).optional(),
  // Set by the development scripts and the test stack only: a company sign-in connection may name an
  // OIDC issuer at http://127.0.0.1 or localhost (the local identity provider). Never set it in a
  // deployment: issuers are https otherwise.
  SSO_LOOPBACK_ISSUERS: z.literal("on", { error: "must be on or unset" }).optional(),
  // The DNS servers that domain proofs ask for TXT records ("127.0.0.1:5353", comma-separated);
  // unset, the system's resolvers. The test stack points it at its own (scripts/dns-server.ts).
  SSO_DNS_SERVERS: z
    .string()
    .regex(/^[\w.:[\]-]+(,[\w.:[\]-]+)*$/, "must be host[:port] values, comma-separated")
    .optional(),
});

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export type Env = Omit<z.infer<typeof envSchema>, "ALLOWED_ORIGINS" | "MAIL_SWEEPER"> & {
  APP_URL: string;
  // Every origin the same-origin check accepts, APP_URL's first.
  ALLOWED_ORIGINS: string[];
  // A Vercel preview deployment: social sign-in is off (providers know only production's callback).
  PREVIEW: boolean;
  MAIL_SWEEPER: "on" | "off";
  // Null when push is off.
  VAPID: VapidKeys | null;
  // Null when SAML sign-in is off.
  SAML_SP: SamlKeyPair | null;
};

function fail(message: string): never {
  throw new Error(`Invalid configuration: ${message}`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${issue?.path.join(".")} ${issue?.message}`);
  }
  let origins: ReturnType<typeof appOrigins>;
  try {
    origins = appOrigins(parsed.data);
  } catch (error) {
    fail((error as Error).message);
  }
  // Without it every link and cookie would name localhost and every write from the real host be refused.
  if (!origins && parsed.data.NODE_ENV === "production") fail("APP_URL is required in production (the public origin, e.g. https://planner.example.com)");
  if (!parsed.data.AUTH_SIGNING_KEYS && parsed.data.NODE_ENV === "production") fail("AUTH_SIGNING_KEYS is required in production (create a key ring with `npm run keys:rotate`)");
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = parsed.data;
  const vapid = publicKey && privateKey && subject ? { publicKey, privateKey, subject } : null;
  // Half a key pair would turn push off without a word.
  if (!vapid && (publicKey || privateKey || subject)) fail("VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are set together or not at all");
  const { SAML_SP_PRIVATE_KEY: samlKey, SAML_SP_CERTIFICATE: samlCertificate } = parsed.data;
  // Half a pair would leave SAML sign-in off without a word; a pair that does not match would sign
  // requests no IdP can check against the certificate it was given.
  if (!samlKey !== !samlCertificate) fail("SAML_SP_PRIVATE_KEY and SAML_SP_CERTIFICATE are set together or not at all");
  const samlSp = samlKey && samlCertificate ? { privateKey: pemFromEnv(samlKey), certificate: pemFromEnv(samlCertificate) } : null;
  const samlProblem = samlSp && samlKeyPairProblem(samlSp);
  if (samlProblem) fail(`SAML_SP_PRIVATE_KEY and SAML_SP_CERTIFICATE ${samlProblem}`);
  const local = `http://localhost:${parsed.data.PORT}`;
  const onVercel = parsed.data.VERCEL === "1";
  cached = {
    ...parsed.data,
    APP_URL: origins?.origin ?? local,
    ALLOWED_ORIGINS: origins?.allowed ?? [local],
    PREVIEW: origins?.preview ?? false,
    // Vercel sets these on every request and overwrites what a client sent in them.
    CLIENT_IP_HEADER: parsed.data.CLIENT_IP_HEADER ?? (onVercel && parsed.data.TRUSTED_PROXY_HOPS === 0 ? "x-vercel-forwarded-for" : undefined),
    COUNTRY_HEADER: parsed.data.COUNTRY_HEADER ?? (onVercel ? "x-vercel-ip-country" : undefined),
    // A Vercel function is frozen between requests: a timer there would run at random, if ever.
    MAIL_SWEEPER: parsed.data.MAIL_SWEEPER ?? (onVercel ? "off" : "on"),
    VAPID: vapid,
    SAML_SP: samlSp,
  };
  return cached;
}
