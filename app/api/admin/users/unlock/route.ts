import { unlockAccount } from "@/lib/auth/admin";
import { json, route } from "@/lib/http/route";
import { adminActionSchema } from "@/lib/validations/admin";

export const POST = route({ auth: "admin", recentProof: true, body: adminActionSchema }, async ({ user, body }) => {
  await unlockAccount(user, body.email, body.reason);
  return json({ unlocked: true });
});
