import { NextResponse, type NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { requireToken } from "@/lib/auth/guard";
import { changePassword } from "@/lib/auth/passwords";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { changePasswordSchema } from "@/lib/validations/auth";

// Keeps this session; every other one ends.
export const POST = withErrors(async (request: NextRequest) => {
  const claims = await requireToken(request, "ACCESS");
  assertSameOrigin(request, getEnv().APP_URL);
  const { currentPassword, newPassword } = await parseJsonBody(request, changePasswordSchema);
  await changePassword(claims.sub, claims.sid, currentPassword, newPassword, (await getDictionary()).t.validation, requestMeta(request));
  return NextResponse.json({ changed: true }, { headers: NO_STORE });
});
