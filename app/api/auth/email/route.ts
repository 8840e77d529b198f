import { getPublicUser } from "@/lib/auth/accounts";
import { pendingEmailChange } from "@/lib/auth/email-change";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";

// The account's address, and a change still waiting for its link.
export const GET = route({ auth: "user" }, async ({ user }) => {
  const found = await getPublicUser(user.id);
  if (!found) throw new ApiError("UNAUTHENTICATED");
  return json({ email: found.email, pending: await pendingEmailChange(user.id) });
});
