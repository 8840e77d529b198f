import { finishProviderCallback } from "@/lib/auth/oauth-client";
import { providerParams } from "@/lib/auth/provider-param";
import { route } from "@/lib/http/route";

// Where the provider sends the browser back; the flow's state cookie is what authenticates it.
export const GET = route({ auth: "none", params: providerParams({ configured: true }) }, ({ request, params }) => finishProviderCallback(request, params.provider));
