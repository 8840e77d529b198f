import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { getDictionary } from "@/lib/i18n/server";
import { log, withRequestContext } from "@/lib/log";
import { wordedFields } from "@/lib/validations/field-errors";
import { increment, observeAuthRequest, routeOf } from "@/lib/metrics";

function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}` : "";
  return /ECONNREFUSED|ETIMEDOUT|ECONNRESET|P1001|P1002|DatabaseNotReachable|Can't reach database|timeout exceeded when trying to connect|Connection terminated/i.test(text);
}

// Domain code and the parsers name each problem by code and dictionary key; they are put into the
// caller's language (lang cookie, then Accept-Language, as the pages) here, once.
async function errorAnswer(error: ApiError): Promise<Response> {
  const { locale, t } = await getDictionary();
  return errorResponse(error, locale, error.fields && wordedFields(error.fields, t.validation));
}

type Handler<Context> = (request: NextRequest, context: Context) => Promise<Response>;

// Any error as the ApiError it is answered with: a known one as it is, a database outage as 503,
// anything else as 500 after its stack is logged (never sent). Logged by route, not path: a path may
// hold a secret (a calendar feed's token).
export function asApiError(error: unknown, path: string): ApiError {
  if (error instanceof ApiError) {
    if (error.code === "RATE_LIMITED") increment("tropical_rate_limit_hits_total", { route: routeOf(path) });
    return error;
  }
  if (isDatabaseUnavailable(error)) {
    log("error", "database unavailable", { route: routeOf(path), error: String(error) });
    return new ApiError("SERVICE_UNAVAILABLE");
  }
  log("error", "unhandled error", { route: routeOf(path), error: error instanceof Error ? error.stack : String(error) });
  return new ApiError("INTERNAL");
}

async function answer<Context>(handler: Handler<Context>, request: NextRequest, context: Context, path: string): Promise<Response> {
  try {
    return await handler(request, context);
  } catch (error) {
    return errorAnswer(asApiError(error, path));
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
