// Which address a request came from, for per-IP limits and the records of sessions and sign-ins.
//
// NOTE: nothing a client writes is believed unless the operator said which intermediary sets it:
// - CLIENT_IP_HEADER: a header the platform or proxy sets to the client's address and no client can
//   pass through (x-real-ip behind nginx, cf-connecting-ip, x-vercel-forwarded-for on Vercel);
// - else TRUSTED_PROXY_HOPS: how many proxies in front append to X-Forwarded-For, so the client is
//   the entry that many places from the right (entries further left are the client's own text);
// - else the socket's address, which only server.ts (`npm start`) can see and hands over in
//   SOCKET_ADDRESS_HEADER, overwriting whatever a client sent in it.
// With none of them (a plain `next start` or the standalone server reached directly), the address
// is unknown: per-IP limits do not apply, and per-account ones still do.

export const SOCKET_ADDRESS_HEADER = "x-tropical-socket-address";

export interface ClientAddressSource {
  header: string | null;
  hops: number;
  // Whether this process is served by server.ts, which sets SOCKET_ADDRESS_HEADER itself.
  socket: boolean;
}

function entries(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function plausible(entry: string | undefined): string | null {
  return entry && entry.length <= 64 && /^[0-9A-Za-z.:%[\]_-]+$/.test(entry) ? entry : null;
}

export function clientIp(request: Request, source: ClientAddressSource): string | null {
  if (source.header) return plausible(entries(request.headers.get(source.header))[0]);
  if (source.hops > 0) {
    const forwarded = entries(request.headers.get("x-forwarded-for"));
    return plausible(forwarded[forwarded.length - source.hops]);
  }
  return source.socket ? plausible(request.headers.get(SOCKET_ADDRESS_HEADER) ?? undefined) : null;
}
