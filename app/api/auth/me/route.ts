import { getPublicUser, updateProfile } from "@/lib/auth/accounts";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { profileUpdateSchema } from "@/lib/validations/auth";

export const GET = route({ auth: "user" }, async ({ user }) => {
  const found = await getPublicUser(user.id);
  // A valid token for a deleted account is no session at all.
  if (!found) throw new ApiError("UNAUTHENTICATED");
  return json(found);
});

export const PATCH = route({ auth: "user", body: profileUpdateSchema }, async ({ user, body }) => json(await updateProfile(user.id, body)));
