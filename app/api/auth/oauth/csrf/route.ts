import { oauthCsrfToken } from "@/lib/auth/oauth-client";
import { route } from "@/lib/http/route";

export const GET = route({ auth: "none" }, ({ request }) => oauthCsrfToken(request));
