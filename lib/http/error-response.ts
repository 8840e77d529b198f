import { NextResponse } from "next/server";
import { ERRORS, errorBody, NO_STORE, type ApiError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";

export function errorResponse(error: ApiError, locale: Locale, fields?: Record<string, string>): NextResponse {
  const headers: Record<string, string> = { ...error.headers, ...NO_STORE };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  return NextResponse.json(errorBody(error, locale, fields), { status: ERRORS[error.code].status, headers });
}
