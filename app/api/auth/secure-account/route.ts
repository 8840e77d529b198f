import { NextResponse, type NextRequest } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { secureAccount } from "@/lib/auth/passwords";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

// "This wasn't me", opened from the new-device mail: every session ends at once, then the user picks
// a new password with the same one-time token.
export const GET = withErrors(async (request: NextRequest) => {
  const { APP_URL } = getEnv();
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const secured = await secureAccount(token, requestMeta(request));
  const target = secured ? `/reset-password?secured=1&token=${encodeURIComponent(token)}` : "/forgot-password?expired=1";
  const response = NextResponse.redirect(new URL(target, APP_URL), { status: 303, headers: { ...NO_STORE, "Referrer-Policy": "no-referrer" } });
  if (secured) clearAuthCookies(response, APP_URL);
  return response;
});
