import "server-only";
import { randomBytes } from "node:crypto";
import { DEVICE_COOKIE } from "@/lib/auth/cookies";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/planner/dates";

// Where a request came from, as far as TropiCal can tell: kept with sessions and security events.
export interface RequestMeta {
  userAgent: string | null;
  ip: string | null;
  country: string | null;
  // The browser's long-lived device id (lib/auth/devices.ts); `fresh` when this request brought
  // none and one was made up for it, which the sign-in answers then set.
  device: { id: string; fresh: boolean };
  // The browser's time zone, as its pages wrote it (lib/planner/dates.ts); a new account starts with it.
  timeZone: string | null;
}

const DEVICE_ID = /^[A-Za-z0-9_-]{43}$/;

// One cookie's value from the header, decoded; "" when absent or malformed.
function cookieNamed(header: string, name: string): string {
  const raw = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(header)?.[1] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
}

// Once per request, however many times asked: a made-up device id must stay the same.
const seen = new WeakMap<Request, RequestMeta>();

export function requestMeta(request: Request): RequestMeta {
  const known = seen.get(request);
  if (known) return known;
  const { CLIENT_IP_HEADER, TRUSTED_PROXY_HOPS, COUNTRY_HEADER, TROPICAL_SOCKET_ADDRESS } = getEnv();
  // NOTE: the country header is believed because the operator named it as one their proxy or
  // platform sets (and strips from clients); unset, countries are unknown.
  const country = COUNTRY_HEADER ? request.headers.get(COUNTRY_HEADER)?.trim().toUpperCase() : undefined;
  const cookies = request.headers.get("cookie") ?? "";
  const cookie = cookieNamed(cookies, DEVICE_COOKIE);
  const zone = cookieNamed(cookies, TIME_ZONE_COOKIE);
  const meta: RequestMeta = {
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
    ip: clientIp(request, { header: CLIENT_IP_HEADER ?? null, hops: TRUSTED_PROXY_HOPS, socket: TROPICAL_SOCKET_ADDRESS === "server.ts" }),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
    device: DEVICE_ID.test(cookie) ? { id: cookie, fresh: false } : { id: randomBytes(32).toString("base64url"), fresh: true },
    timeZone: zone && isTimeZone(zone) ? zone : null,
  };
  seen.set(request, meta);
  return meta;
}
