import { NextResponse, type NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { requestPasswordReset } from "@/lib/auth/passwords";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { forgotPasswordSchema } from "@/lib/validations/auth";

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  await consumeIpLimit(request, IP_LIMITS.mail);
  const { email } = await parseJsonBody(request, forgotPasswordSchema);
  await requestPasswordReset(email);
  return NextResponse.json(
    { message: "If an account uses that address, a reset link is on its way. / 가입된 주소라면 재설정 링크를 보냈습니다." },
    { status: 202, headers: NO_STORE },
  );
});
