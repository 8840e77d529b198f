// Which address a request came from, for per-IP limits.
//
// NOTE: trusts X-Forwarded-For only as far as TRUSTED_PROXY_HOPS says. Each proxy appends the
// address it received the request from, so the client is the entry that many places from the right:
// 0 when the app is reached directly through `npm start` (server.ts appends the socket address like a
// proxy would), 1 behind one proxy or load balancer, and so on. Entries further left are whatever the
// client wrote and are never used, so rotating them changes nothing.
export function clientIp(request: Request, trustedHops: number): string | null {
  const entries = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - 1 - trustedHops];
  return entry ? entry.slice(0, 64) : null;
}
