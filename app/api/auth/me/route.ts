import { NextResponse, type NextRequest } from "next/server";
import { getPublicUser } from "@/lib/auth/accounts";
import { requireToken } from "@/lib/auth/guard";
import { ApiError, NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(async (request: NextRequest) => {
  const claims = await requireToken(request, "ACCESS");
  const user = await getPublicUser(claims.sub);
  // A valid token for a deleted account is no session at all.
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return NextResponse.json(user, { headers: NO_STORE });
});
