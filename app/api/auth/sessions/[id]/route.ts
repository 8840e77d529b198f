import { NextResponse, type NextRequest } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireToken } from "@/lib/auth/guard";
import { requestMeta, revokeSessions } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { ApiError, NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseId } from "@/lib/http/request";

// Signs one of the user's devices out; their own current one included (then this browser too).
export const DELETE = withErrors(async (request: NextRequest, context: { params: Promise<{ id: string }> }) => {
  const claims = await requireToken(request, "ACCESS");
  assertSameOrigin(request, getEnv().APP_URL);
  const id = await parseId(context);
  if ((await revokeSessions(claims.sub, { only: id }, requestMeta(request))) === 0) throw new ApiError("NOT_FOUND");
  const response = new NextResponse(null, { status: 204, headers: NO_STORE });
  if (id === claims.sid) clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
