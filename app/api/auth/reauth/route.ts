import { proveWithPassword, stepUpStatus } from "@/lib/auth/step-up";
import { json, route } from "@/lib/http/route";
import { passwordProofSchema } from "@/lib/validations/strong-auth";

// How this session may prove itself, and until when it need not.
export const GET = route({ auth: "user" }, async ({ user }) => json(await stepUpStatus(user.id, user.sessionId)));

export const POST = route({ auth: "user", body: passwordProofSchema }, async ({ user, body, meta }) =>
  json({ freshUntil: (await proveWithPassword(user.id, user.sessionId, body, meta)).toISOString() }),
);
