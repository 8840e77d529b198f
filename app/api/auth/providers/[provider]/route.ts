import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { providerParam } from "@/lib/auth/provider-param";
import { requestMeta } from "@/lib/auth/sessions";
import { unlinkProvider } from "@/lib/auth/social";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

type Context = { params: Promise<{ provider: string }> };

export const DELETE = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  await unlinkProvider(userId, await providerParam(context, { configured: false }), requestMeta(request));
  return new NextResponse(null, { status: 204, headers: NO_STORE });
});
