import type { RateLimit } from "@/lib/rate-limit";

// Bursts from one address, across accounts (credential stuffing, sign-up and mail floods). Per-account
// limits (lockout.ts, the mail limits in accounts.ts) hold whatever the address. Without a known
// client address (a misconfigured proxy count) there is nothing fair to key on, so only the
// per-account limits apply (lib/http/route.ts).
export const IP_LIMITS = {
  login: { name: "ip-login", max: 60, windowSeconds: 10 * 60 },
  signup: { name: "ip-signup", max: 20, windowSeconds: 60 * 60 },
  mail: { name: "ip-mail", max: 20, windowSeconds: 10 * 60 },
  refresh: { name: "ip-refresh", max: 120, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;
