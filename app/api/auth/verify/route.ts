import { verifyEmail } from "@/lib/auth/accounts";
import { redirectToPage } from "@/lib/http/redirect";
import { route } from "@/lib/http/route";
import { mailedLinkSchema } from "@/lib/validations/auth";

// Links mailed before the confirmation page existed point here: they open that page and change
// nothing, so a scanner's GET or HEAD spends no link.
export const GET = route({ auth: "none" }, ({ request }) => redirectToPage(`/verify-email?token=${encodeURIComponent(request.nextUrl.searchParams.get("token") ?? "")}`));

// The confirmation page's one click: a form the browser posts, answered with the result page.
export const POST = route({ auth: "none", body: mailedLinkSchema, bodyIsForm: true }, async ({ body }) => {
  const result = await verifyEmail(body.token);
  return redirectToPage(result === "verified" ? "/verified" : `/verify-failed?reason=${result}`);
});
