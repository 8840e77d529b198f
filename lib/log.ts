import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// One JSON object per line, with the request's id (lib/http/handler.ts, echoed as X-Request-Id) when
// a request is being served. Callers pass only what is safe to keep: never tokens, passwords or bodies.
const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function withRequestContext<T>(requestId: string, run: () => Promise<T>): Promise<T> {
  return requestContext.run({ requestId }, run);
}

// The id of the request being served, for a call made on its behalf (the gateway) to carry along.
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

export function log(level: "info" | "warn" | "error", msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, requestId: requestContext.getStore()?.requestId ?? null, ...fields });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
