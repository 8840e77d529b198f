import { NextResponse, type NextRequest } from "next/server";
import { signUp } from "@/lib/auth/accounts";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { signupSchema } from "@/lib/validations/auth";

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  await consumeIpLimit(request, IP_LIMITS.signup);
  const input = await parseJsonBody(request, signupSchema);
  await signUp(input, (await getDictionary()).t.validation);
  return NextResponse.json(
    { message: "Check your inbox for a verification link. / 받은편지함에서 인증 링크를 확인해 주세요." },
    { status: 201, headers: NO_STORE },
  );
});
