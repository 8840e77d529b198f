import { NextResponse } from "next/server";
import { verifyEmail } from "@/lib/auth/accounts";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { mailedLinkSchema } from "@/lib/validations/auth";

function goTo(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, getEnv().APP_URL), { status: 303, headers: { ...NO_STORE, "Referrer-Policy": "no-referrer" } });
}

// Links mailed before the confirmation page existed point here: they open that page and change
// nothing, so a scanner's GET or HEAD spends no link.
export const GET = route({ auth: "none" }, ({ request }) => goTo(`/verify-email?token=${encodeURIComponent(request.nextUrl.searchParams.get("token") ?? "")}`));

// The confirmation page's one click: a form the browser posts, answered with the result page.
export const POST = route({ auth: "none", body: mailedLinkSchema, bodyIsForm: true }, async ({ body }) => {
  const result = await verifyEmail(body.token);
  return goTo(result === "verified" ? "/verified" : `/verify-failed?reason=${result}`);
});
