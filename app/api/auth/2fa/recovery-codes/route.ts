import { regenerateRecoveryCodes } from "@/lib/auth/mfa";
import { json, route } from "@/lib/http/route";
import { getDictionary } from "@/lib/i18n/server";
import { proofSchema } from "@/lib/validations/strong-auth";

// New codes replace every old one, used or not.
export const POST = route({ auth: "user", body: proofSchema }, async ({ user, body }) =>
  json({ recoveryCodes: await regenerateRecoveryCodes(user.id, body, (await getDictionary()).t.validation) }),
);
