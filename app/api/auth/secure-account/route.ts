import { NextResponse } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { secureAccount } from "@/lib/auth/passwords";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { mailedLinkSchema } from "@/lib/validations/auth";

function goTo(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, getEnv().APP_URL), { status: 303, headers: { ...NO_STORE, "Referrer-Policy": "no-referrer" } });
}

// Links mailed before the confirmation page existed: they open it and end nothing by themselves.
export const GET = route({ auth: "none" }, ({ request }) => goTo(`/secure-account?token=${encodeURIComponent(request.nextUrl.searchParams.get("token") ?? "")}`));

// "This wasn't me", confirmed with one click: every session ends at once, then the user picks a new
// password with the same one-time token.
export const POST = route({ auth: "none", body: mailedLinkSchema, bodyIsForm: true }, async ({ body, meta }) => {
  const secured = await secureAccount(body.token, meta);
  const response = goTo(secured ? `/reset-password?secured=1&token=${encodeURIComponent(body.token)}` : "/forgot-password?expired=1");
  if (secured) clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
