import { getPublicUser } from "@/lib/auth/accounts";
import { registrationOptions } from "@/lib/auth/passkeys";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";

export const POST = route({ auth: "user", recentProof: true }, async ({ user }) => {
  const found = await getPublicUser(user.id);
  if (!found) throw new ApiError("UNAUTHENTICATED");
  return json(await registrationOptions(found));
});
