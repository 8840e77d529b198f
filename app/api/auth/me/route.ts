import { NextResponse, type NextRequest } from "next/server";
import { getPublicUser, updateProfile } from "@/lib/auth/accounts";
import { requireToken, requireUserForWrite } from "@/lib/auth/guard";
import { ApiError, NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { profileUpdateSchema } from "@/lib/validations/auth";

export const GET = withErrors(async (request: NextRequest) => {
  const claims = await requireToken(request, "ACCESS");
  const user = await getPublicUser(claims.sub);
  // A valid token for a deleted account is no session at all.
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return NextResponse.json(user, { headers: NO_STORE });
});

export const PATCH = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const input = await parseJsonBody(request, profileUpdateSchema);
  return NextResponse.json(await updateProfile(userId, input), { headers: NO_STORE });
});
