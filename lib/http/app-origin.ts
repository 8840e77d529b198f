// Edge-safe: the middleware and lib/env.ts derive the public origin from the same variables.
//
// The origin is what mail links, redirects, cookies' `Secure`, OAuth callbacks and the passkey
// relying party are built from; `allowed` are the origins the same-origin check accepts for writes.
// On a Vercel preview deployment the origin is that deployment's own URL (the production APP_URL
// would send every link and callback to production and refuse every write from the preview).
export interface AppOrigins {
  origin: string;
  allowed: string[];
  preview: boolean;
}

export interface OriginSettings {
  APP_URL?: string;
  ALLOWED_ORIGINS?: string;
  VERCEL?: string;
  VERCEL_ENV?: string;
  VERCEL_URL?: string;
  VERCEL_BRANCH_URL?: string;
  VERCEL_PROJECT_PRODUCTION_URL?: string;
}

// Reads the variables by name: the Edge runtime does not offer process.env as a whole everywhere.
export function originSettings(): OriginSettings {
  return {
    APP_URL: process.env.APP_URL,
    ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS,
    VERCEL: process.env.VERCEL,
    VERCEL_ENV: process.env.VERCEL_ENV,
    VERCEL_URL: process.env.VERCEL_URL,
    VERCEL_BRANCH_URL: process.env.VERCEL_BRANCH_URL,
    VERCEL_PROJECT_PRODUCTION_URL: process.env.VERCEL_PROJECT_PRODUCTION_URL,
  };
}

// Throws on a value that is not an http(s) origin, naming the variable. Vercel's own variables
// hold a bare host, always served over https.
function toOrigin(value: string, variable: string): string {
  let url: URL | undefined;
  try {
    url = new URL(variable.startsWith("VERCEL_") ? `https://${value}` : value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) throw new Error(`${variable} must be an http(s) origin`);
  return url.origin;
}

// Null when nothing names the origin (the caller decides: a local default, or refusing to start).
export function appOrigins(settings: OriginSettings): AppOrigins | null {
  const onVercel = settings.VERCEL === "1";
  const preview = onVercel && settings.VERCEL_ENV === "preview" && Boolean(settings.VERCEL_URL);
  const platform = [settings.VERCEL_BRANCH_URL].filter((value): value is string => preview && Boolean(value)).map((value) => toOrigin(value, "VERCEL_BRANCH_URL"));
  let origin: string | null;
  if (preview) origin = toOrigin(settings.VERCEL_URL ?? "", "VERCEL_URL");
  else if (settings.APP_URL) origin = toOrigin(settings.APP_URL, "APP_URL");
  else if (onVercel && settings.VERCEL_ENV === "production" && settings.VERCEL_PROJECT_PRODUCTION_URL) origin = toOrigin(settings.VERCEL_PROJECT_PRODUCTION_URL, "VERCEL_PROJECT_PRODUCTION_URL");
  else origin = null;
  if (!origin) return null;
  const extra = (settings.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => toOrigin(entry, "ALLOWED_ORIGINS"));
  return { origin, allowed: [...new Set([origin, ...platform, ...extra])], preview };
}
