import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { getDictionary } from "@/lib/i18n/server";
import { log, withRequestContext } from "@/lib/log";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";
import { increment, observeAuthRequest, routeOf } from "@/lib/metrics";

function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}` : "";
  return /ECONNREFUSED|ETIMEDOUT|ECONNRESET|P1001|P1002|DatabaseNotReachable|Can't reach database|timeout exceeded when trying to connect|Connection terminated/i.test(text);
}

// Domain code names a field's problem by its dictionary key ("passwordWrong"); it is put into the
// caller's language here, once. Text that is not a key passes through as it is.
async function translatedFields(fields: Record<string, string>): Promise<Record<string, string>> {
  const messages = (await getDictionary()).t.validation;
  return Object.fromEntries(Object.entries(fields).map(([field, problem]) => [field, Object.hasOwn(messages, problem) ? messages[problem as ValidationMessageKey] : problem]));
}

type Handler<Context> = (request: NextRequest, context: Context) => Promise<Response>;

async function answer<Context>(handler: Handler<Context>, request: NextRequest, context: Context, path: string): Promise<Response> {
  try {
    return await handler(request, context);
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.code === "RATE_LIMITED") increment("tropical_rate_limit_hits_total", { route: routeOf(path) });
      return errorResponse(error.fields ? new ApiError(error.code, await translatedFields(error.fields), error.retryAfterSeconds, error.headers) : error);
    }
    if (isDatabaseUnavailable(error)) {
      log("error", "database unavailable", { path, error: String(error) });
      return errorResponse(new ApiError("SERVICE_UNAVAILABLE"));
    }
    log("error", "unhandled error", { path, error: error instanceof Error ? error.stack : String(error) });
    return errorResponse(new ApiError("INTERNAL"));
  }
}

// Wraps a route handler: known errors become their JSON; anything else is logged with its stack on
// the server and answered without internals. Every log line of the request carries its id, which
// the response echoes; the auth API's latency is measured.
export function withErrors<Context>(handler: Handler<Context>): Handler<Context> {
  return async (request, context) => {
    // Always our own: a client-chosen id could pose as another request in the logs.
    const requestId = crypto.randomUUID();
    const path = new URL(request.url).pathname;
    const started = performance.now();
    const response = await withRequestContext(requestId, () => answer(handler, request, context, path));
    response.headers.set("X-Request-Id", requestId);
    if (path.startsWith("/api/auth/")) observeAuthRequest(routeOf(path), request.method, response.status, (performance.now() - started) / 1000);
    return response;
  };
}
