import { clearAuthCookies } from "@/lib/auth/cookies";
import { revokeSessions } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { noContent, route } from "@/lib/http/route";
import { idParams } from "@/lib/validations/params";

// Signs one of the user's devices out; their own current one included (then this browser too).
export const DELETE = route({ auth: "user", params: idParams }, async ({ user, params, meta }) => {
  if ((await revokeSessions(user.id, { only: params.id }, meta)) === 0) throw new ApiError("NOT_FOUND");
  const response = noContent();
  if (params.id === user.sessionId) clearAuthCookies(response, getEnv().APP_URL);
  return response;
});
