import "server-only";
import { NextResponse } from "next/server";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";

// The answer to a form a mailed link's page posted: on to a page of this site (built from APP_URL,
// never the Host header), sending no referrer that could carry the link's token.
export function redirectToPage(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, getEnv().APP_URL), { status: 303, headers: { ...NO_STORE, "Referrer-Policy": "no-referrer" } });
}
