import { disableTotp } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";

export const POST = route({ auth: "user", recentProof: true }, async ({ user, meta }) => {
  await disableTotp(user.id, meta);
  return json({ totpEnabled: false });
});
