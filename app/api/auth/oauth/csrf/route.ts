import { oauthCsrfToken } from "@/lib/auth/oauth-client";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(oauthCsrfToken);
