import { NextResponse } from "next/server";
import { clearAuthCookies, COOKIE } from "@/lib/auth/cookies";
import { endSession } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const POST = route({ auth: "none" }, async ({ request }) => {
  const { APP_URL } = getEnv();
  await endSession(request.cookies.get(COOKIE.REFRESH)?.value);
  // Clear-Site-Data also drops anything cached or stored for this site in the browser.
  const headers = { ...NO_STORE, "Clear-Site-Data": '"cache", "storage"' };
  // The logout form sent by the browser itself (clicked before the page's scripts ran) is a
  // navigation: it lands on the login page rather than on an empty answer.
  const response =
    request.headers.get("sec-fetch-mode") === "navigate" ? NextResponse.redirect(new URL("/login", APP_URL), { status: 303, headers }) : new NextResponse(null, { status: 204, headers });
  clearAuthCookies(response, APP_URL);
  return response;
});
