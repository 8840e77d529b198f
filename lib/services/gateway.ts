import "server-only";
import { SESSION_SCOPES } from "@/lib/auth/introspection";
import { signServiceToken } from "@/lib/auth/tokens";
import { getEnv } from "@/lib/env";
import { ApiError, NO_STORE } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/request";
import type { SignedInUser } from "@/lib/http/route";
import { currentRequestId, log } from "@/lib/log";

// The indirect model (README, "Connecting a service"): a signed-in browser calls
// /api/services/<name>/…, TropiCal checks the session (revocation included) and calls the service
// with a token for that service alone, so the service never sees the user's cookies and a token it
// leaks is good for nothing else, for a minute.

// Large enough for a document to summarise; a body past it is refused before it is read whole.
export const MAX_FORWARDED_BODY_BYTES = 1024 * 1024;
// The service's answer is held whole, so the timeout covers it to the last byte and a service that
// trickles forever still ends in a 504.
export const MAX_SERVICE_ANSWER_BYTES = 4 * 1024 * 1024;

// What passes from the client to the service, and back. Lists of what may pass rather than of what
// may not, so that no credential (Cookie, Authorization, Set-Cookie), hop-by-hop header (Connection,
// Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade, Proxy-*) or client-made X-Forwarded-* passes,
// nor a header invented later. Content-Encoding stays out: fetch hands over the body decoded.
const REQUEST_HEADERS = ["accept", "accept-language", "content-type", "if-match", "if-none-match"];
const ANSWER_HEADERS = ["content-type", "content-language", "content-disposition", "etag", "retry-after"];
const BODYLESS_STATUSES = new Set([204, 205, 304]);

// Headers the Connection header names are hop-by-hop too (RFC 9110 7.6.1), whatever their name.
function copyHeaders(from: Headers, names: string[]): Headers {
  const hopByHop = new Set((from.get("connection") ?? "").split(",").map((name) => name.trim().toLowerCase()));
  const copied = new Headers();
  for (const name of names) {
    const value = from.get(name);
    if (value !== null && !hopByHop.has(name)) copied.set(name, value);
  }
  return copied;
}

function serviceUrl(base: string, path: string[], search: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/${path.map(encodeURIComponent).join("/")}`;
  url.search = search;
  return url;
}

async function readAnswer(answer: Response): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(answer.headers.get("content-length") ?? "0");
  if (declared > MAX_SERVICE_ANSWER_BYTES) throw new ApiError("SERVICE_UNREACHABLE");
  const bytes = new Uint8Array(await answer.arrayBuffer());
  if (bytes.byteLength > MAX_SERVICE_ANSWER_BYTES) throw new ApiError("SERVICE_UNREACHABLE");
  return bytes;
}

export async function forwardToService(request: Request, user: SignedInUser, target: { name: string; path: string[] }): Promise<Response> {
  const { SERVICES, SERVICE_TIMEOUT_MS } = getEnv();
  const base = SERVICES.get(target.name);
  if (!base) throw new ApiError("NOT_FOUND");
  const method = request.method;
  const body = method === "GET" || method === "HEAD" ? undefined : await readBodyBytes(request, MAX_FORWARDED_BODY_BYTES);
  const headers = copyHeaders(request.headers, REQUEST_HEADERS);
  const token = await signServiceToken({ audience: target.name, sub: user.id, sid: user.sessionId, scopes: [...SESSION_SCOPES] });
  headers.set("authorization", `Bearer ${token}`);
  const requestId = currentRequestId();
  if (requestId) headers.set("x-request-id", requestId);
  const url = serviceUrl(base, target.path, new URL(request.url).search);
  const started = performance.now();
  let answer: Response;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    // A redirect is handed back, not followed: the service's Location is not for TropiCal to visit.
    answer = await fetch(url, { method, headers, body, redirect: "manual", cache: "no-store", signal: AbortSignal.timeout(SERVICE_TIMEOUT_MS) });
    bytes = await readAnswer(answer);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    log("warn", timedOut ? "service timed out" : "service unreachable", { service: target.name, error: String((error as { cause?: unknown }).cause ?? error) });
    throw new ApiError(timedOut ? "SERVICE_TIMEOUT" : "SERVICE_UNREACHABLE");
  }
  log("info", "service call", { service: target.name, method, status: answer.status, ms: Math.round(performance.now() - started) });
  const answerHeaders = copyHeaders(answer.headers, ANSWER_HEADERS);
  // Served from TropiCal's origin, but never run there as a page: every /api answer carries
  // next.config.js's CSP (default-src 'none') and nosniff, whatever the service sent.
  for (const [name, value] of Object.entries(NO_STORE)) answerHeaders.set(name, value);
  const empty = method === "HEAD" || BODYLESS_STATUSES.has(answer.status);
  return new Response(empty ? null : bytes, { status: answer.status, headers: answerHeaders });
}
