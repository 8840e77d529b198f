import { disableTotp } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";
import { getDictionary } from "@/lib/i18n/server";
import { proofSchema } from "@/lib/validations/strong-auth";

export const POST = route({ auth: "user", body: proofSchema }, async ({ user, body, meta }) => {
  await disableTotp(user.id, body, (await getDictionary()).t.validation, meta);
  return json({ totpEnabled: false });
});
