import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireToken } from "@/lib/auth/guard";
import { requestMeta, revokeSessions } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";

const revokeSchema = z.strictObject({ scope: z.enum(["others", "all"], { error: "invalidValue" }) });

// The seed's "invalidate": every other device, or every device including this one.
export const POST = withErrors(async (request: NextRequest) => {
  const claims = await requireToken(request, "ACCESS");
  assertSameOrigin(request, getEnv().APP_URL);
  const { scope } = await parseJsonBody(request, revokeSchema);
  const revoked = await revokeSessions(claims.sub, scope === "all" || !claims.sid ? "all" : { except: claims.sid }, requestMeta(request));
  const response = NextResponse.json({ revoked }, { headers: NO_STORE });
  if (scope === "all") clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
