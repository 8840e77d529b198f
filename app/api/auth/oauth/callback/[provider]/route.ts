import type { NextRequest } from "next/server";
import { finishProviderCallback } from "@/lib/auth/oauth-client";
import { providerParam } from "@/lib/auth/provider-param";
import { withErrors } from "@/lib/http/handler";

type Context = { params: Promise<{ provider: string }> };

export const GET = withErrors(async (request: NextRequest, context: Context) => finishProviderCallback(request, await providerParam(context, { configured: true })));
