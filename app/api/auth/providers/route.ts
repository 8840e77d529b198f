import { NextResponse, type NextRequest } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { listLinkedProviders } from "@/lib/auth/social";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(async (request: NextRequest) => {
  const userId = await requireUser(request);
  return NextResponse.json({ linked: await listLinkedProviders(userId), available: configuredProviders() }, { headers: NO_STORE });
});
