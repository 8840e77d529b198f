import type { NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { logInWithPasskey } from "@/lib/auth/passkeys";
import { signedInResponse } from "@/lib/auth/session-response";
import { requestMeta } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { passkeyLoginSchema } from "@/lib/validations/strong-auth";

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  await consumeIpLimit(request, IP_LIMITS.login);
  const { response } = await parseJsonBody(request, passkeyLoginSchema);
  return signedInResponse(await logInWithPasskey(response, requestMeta(request)));
});
