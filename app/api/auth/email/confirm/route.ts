import { confirmEmailChange } from "@/lib/auth/email-change";
import { route } from "@/lib/http/route";
import { redirectToPage } from "@/lib/http/redirect";
import { mailedLinkSchema } from "@/lib/validations/auth";

// The confirmation page's one click, from the link mailed to the new address.
export const POST = route({ auth: "none", body: mailedLinkSchema, bodyIsForm: true }, async ({ body, meta }) => redirectToPage(`/email-changed?result=${await confirmEmailChange(body.token, meta)}`));
