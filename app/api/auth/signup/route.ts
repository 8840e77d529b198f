import { signUp } from "@/lib/auth/accounts";
import { IP_LIMITS } from "@/lib/auth/ip-limits";
import { json, route } from "@/lib/http/route";
import { signupSchema } from "@/lib/validations/auth";

export const POST = route({ auth: "none", ipLimit: IP_LIMITS.signup, body: signupSchema }, async ({ body, meta }) => {
  await signUp(body, meta);
  return json({ message: "Check your inbox for a verification link. / 받은편지함에서 인증 링크를 확인해 주세요." }, 201);
});
