import { forgetDevice } from "@/lib/auth/devices";
import { noContent, route } from "@/lib/http/route";
import { idParams } from "@/lib/validations/params";

// Forgetting a device only protects, so it needs no step-up: the next password sign-in there asks
// for a code again (or the second factor, for a device that was trusted).
export const DELETE = route({ auth: "user", params: idParams }, async ({ user, params, meta }) => {
  await forgetDevice(user.id, params.id, meta);
  return noContent();
});
