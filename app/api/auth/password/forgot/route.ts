import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { requestPasswordReset } from "@/lib/auth/password-changes";
import { json, route } from "@/lib/http/route";
import { forgotPasswordSchema } from "@/lib/validations/auth";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.mail, body: forgotPasswordSchema }, async ({ body }) => {
  await requestPasswordReset(body.email);
  return json({ message: "If an account uses that address, a reset link is on its way. / 가입된 주소라면 재설정 링크를 보냈습니다." }, 202);
});
