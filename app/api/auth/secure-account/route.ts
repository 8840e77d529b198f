import { NextResponse } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { secureAccount } from "@/lib/auth/passwords";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";

// "This wasn't me", opened from the new-device mail: every session ends at once, then the user picks
// a new password with the same one-time token.
export const GET = route({ auth: "none" }, async ({ request, meta }) => {
  const { APP_URL } = getEnv();
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const secured = await secureAccount(token, meta);
  const target = secured ? `/reset-password?secured=1&token=${encodeURIComponent(token)}` : "/forgot-password?expired=1";
  const response = NextResponse.redirect(new URL(target, APP_URL), { status: 303, headers: { ...NO_STORE, "Referrer-Policy": "no-referrer" } });
  if (secured) clearAuthCookies(response, APP_URL);
  return response;
});
