import { revokePersonalToken } from "@/lib/auth/personal-tokens";
import { noContent, route } from "@/lib/http/route";
import { idParams } from "@/lib/validations/params";

// Revoking only protects, so it needs no step-up; the token is refused from the next request on.
export const DELETE = route({ auth: "user", cookieOnly: true, params: idParams }, async ({ user, params, meta }) => {
  await revokePersonalToken(user.id, params.id, meta);
  return noContent();
});
