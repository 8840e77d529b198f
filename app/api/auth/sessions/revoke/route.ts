import { z } from "zod";
import { clearAuthCookies } from "@/lib/auth/cookies";
import { revokeSessions } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { json, route } from "@/lib/http/route";

const revokeSchema = z.strictObject({ scope: z.enum(["others", "all"], { error: "invalidValue" }) });

// The seed's "invalidate": every other device, or every device including this one.
export const POST = route({ auth: "user", body: revokeSchema }, async ({ user, body, meta }) => {
  const revoked = await revokeSessions(user.id, body.scope === "all" ? "all" : { except: user.sessionId }, meta);
  const response = json({ revoked });
  if (body.scope === "all") clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
