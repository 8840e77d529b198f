import { resendVerification } from "@/lib/auth/accounts";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { json, route } from "@/lib/http/route";
import { resendSchema } from "@/lib/validations/auth";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.mail, body: resendSchema }, async ({ body }) => {
  await resendVerification(body.email);
  return json({ message: "If that address needs verifying, a new link is on its way. / 인증이 필요한 주소라면 새 링크를 보냈습니다." }, 202);
});
