import { NextResponse, type NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { loginOptions } from "@/lib/auth/passkeys";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  await consumeIpLimit(request, IP_LIMITS.login);
  return NextResponse.json(await loginOptions(), { headers: NO_STORE });
});
