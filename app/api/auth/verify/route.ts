import { NextResponse } from "next/server";
import { verifyEmail } from "@/lib/auth/accounts";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";

// Opened from the verification mail, so it is a GET that answers with a page redirect, never JSON.
export const GET = route({ auth: "none" }, async ({ request }) => {
  const result = await verifyEmail(request.nextUrl.searchParams.get("token") ?? undefined);
  const path = result === "verified" ? "/verified" : `/verify-failed?reason=${result}`;
  return NextResponse.redirect(new URL(path, getEnv().APP_URL), { status: 303, headers: { ...NO_STORE, "Referrer-Policy": "no-referrer" } });
});
