import { NextResponse, type NextRequest } from "next/server";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireToken } from "@/lib/auth/guard";
import { deleteAccount } from "@/lib/auth/passwords";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { deleteAccountSchema } from "@/lib/validations/auth";

// Deletes the account and everything in it; needs the password (or, without one, a fresh sign-in).
export const DELETE = withErrors(async (request: NextRequest) => {
  const claims = await requireToken(request, "ACCESS");
  assertSameOrigin(request, getEnv().APP_URL);
  const { password } = await parseJsonBody(request, deleteAccountSchema);
  await deleteAccount(claims.sub, claims.sid, password, (await getDictionary()).t.validation);
  const response = new NextResponse(null, { status: 204, headers: { ...NO_STORE, "Clear-Site-Data": '"cache", "storage"' } });
  clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
