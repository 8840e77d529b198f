// The browser's one way to call the API. On a 401 it refreshes the session once for every request
// waiting at that moment (single flight), retries them, and sends the user to /login if that fails.
import { loadPage } from "@/lib/client/navigation";
import type { ErrorCode } from "@/lib/errors";

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; code: ErrorCode | "UNKNOWN"; message: string; fields: Record<string, string>; retryAfter?: number };

const NO_REFRESH_PATHS = ["/api/auth/login", "/api/auth/signup", "/api/auth/token/refresh", "/api/auth/logout"];
// Authenticated by the onboarding cookie: a 401 there says nothing about a session, and the
// onboarding page decides where to go.
const NO_REFRESH_PREFIXES = ["/api/auth/onboarding"];

let refreshInFlight: Promise<boolean> | null = null;
// When the last successful refresh finished: a 401 for a request sent before then was answered
// for the old token and only needs a retry.
let lastRefreshAt = 0;

function refreshOnce(): Promise<boolean> {
  refreshInFlight ??= fetch("/api/auth/token/refresh", { method: "POST", credentials: "same-origin" })
    .then((response) => {
      if (response.ok) lastRefreshAt = performance.now();
      return response.ok;
    })
    .catch(() => false)
    .finally(() => {
      refreshInFlight = null;
    });
  return refreshInFlight;
}

function send(path: string, init: RequestInit & { json?: unknown }): Promise<Response> {
  const { json, headers, ...rest } = init;
  return fetch(path, {
    credentials: "same-origin",
    ...rest,
    headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
}

async function toResult<T>(response: Response): Promise<ApiResult<T>> {
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  const schema = await import("@/lib/client/error-body").then((module) => module.errorBodySchema).catch(() => null);
  const parsed = schema?.safeParse(body);
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  return parsed?.success
    ? { ok: false, status: response.status, ...parsed.data.error, fields: parsed.data.error.fields ?? {}, retryAfter }
    : { ok: false, status: response.status, code: "UNKNOWN", message: response.statusText, fields: {}, retryAfter };
}

export class NetworkError extends Error {}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<ApiResult<T>> {
  const sentAt = performance.now();
  let response: Response;
  try {
    response = await send(path, init);
    if (response.status === 401 && !NO_REFRESH_PATHS.includes(path) && !NO_REFRESH_PREFIXES.some((prefix) => path.startsWith(prefix))) {
      const refreshed = sentAt < lastRefreshAt || (await refreshOnce());
      if (!refreshed) {
        loadPage(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
        return toResult<T>(response);
      }
      response = await send(path, init);
    }
  } catch {
    throw new NetworkError("network");
  }
  return toResult<T>(response);
}
