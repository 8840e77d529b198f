import { NextResponse, type NextRequest } from "next/server";
import { getPublicUser } from "@/lib/auth/accounts";
import { requireUserForWrite } from "@/lib/auth/guard";
import { registrationOptions } from "@/lib/auth/passkeys";
import { ApiError, NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const POST = withErrors(async (request: NextRequest) => {
  const user = await getPublicUser(await requireUserForWrite(request));
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return NextResponse.json(await registrationOptions(user), { headers: NO_STORE });
});
