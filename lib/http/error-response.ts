import { NextResponse } from "next/server";
import { ERRORS, errorBody, NO_STORE, type ApiError } from "@/lib/errors";

export function errorResponse(error: ApiError): NextResponse {
  const headers: Record<string, string> = { ...error.headers, ...NO_STORE };
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  return NextResponse.json(errorBody(error), { status: ERRORS[error.code].status, headers });
}
