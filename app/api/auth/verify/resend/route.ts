import { NextResponse, type NextRequest } from "next/server";
import { resendVerification } from "@/lib/auth/accounts";
import { assertSameOrigin } from "@/lib/auth/csrf";
import { consumeIpLimit, IP_LIMITS } from "@/lib/auth/ip-limits";
import { getEnv } from "@/lib/env";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { resendSchema } from "@/lib/validations/auth";

export const POST = withErrors(async (request: NextRequest) => {
  assertSameOrigin(request, getEnv().APP_URL);
  await consumeIpLimit(request, IP_LIMITS.mail);
  const { email } = await parseJsonBody(request, resendSchema);
  await resendVerification(email);
  return NextResponse.json(
    { message: "If that address needs verifying, a new link is on its way. / 인증이 필요한 주소라면 새 링크를 보냈습니다." },
    { status: 202, headers: NO_STORE },
  );
});
