import "server-only";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

// Where a request came from, as far as TropiCal can tell: kept with sessions and security events.
export interface RequestMeta {
  userAgent: string | null;
  ip: string | null;
  country: string | null;
}

export function requestMeta(request: Request): RequestMeta {
  const { TRUSTED_PROXY_HOPS, COUNTRY_HEADER } = getEnv();
  // NOTE: the country header is believed only behind a trusted proxy, which sets it; a client
  // talking to the app directly could write anything there.
  const country = TRUSTED_PROXY_HOPS > 0 && COUNTRY_HEADER ? request.headers.get(COUNTRY_HEADER)?.trim().toUpperCase() : undefined;
  return {
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
    ip: clientIp(request, TRUSTED_PROXY_HOPS),
    country: country && /^[A-Z]{2}$/.test(country) ? country : null,
  };
}
