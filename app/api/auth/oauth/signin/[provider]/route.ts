import type { NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { startProviderSignIn } from "@/lib/auth/oauth-client";
import { providerParam } from "@/lib/auth/provider-param";
import { getEnv } from "@/lib/env";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { oauthStartSchema } from "@/lib/validations/social";

type Context = { params: Promise<{ provider: string }> };

export const POST = withErrors(async (request: NextRequest, context: Context) => {
  assertSameOrigin(request, getEnv().APP_URL);
  const provider = await providerParam(context, { configured: true });
  return startProviderSignIn(request, provider, await parseJsonBody(request, oauthStartSchema));
});
