import { enableAccount } from "@/lib/auth/admin";
import { json, route } from "@/lib/http/route";
import { adminActionSchema } from "@/lib/validations/admin";

export const POST = route({ auth: "admin", recentProof: true, body: adminActionSchema }, async ({ user, body, meta }) => {
  await enableAccount(user, body.email, body.reason, meta);
  return json({ enabled: true });
});
