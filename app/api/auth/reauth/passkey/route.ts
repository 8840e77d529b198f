import { proveWithPasskey } from "@/lib/auth/step-up";
import { json, route } from "@/lib/http/route";
import { passkeyLoginSchema } from "@/lib/validations/strong-auth";

export const POST = route({ auth: "user", body: passkeyLoginSchema }, async ({ user, body, meta }) =>
  json({ freshUntil: (await proveWithPasskey(user.id, user.sessionId, body.response, meta)).toISOString() }),
);
