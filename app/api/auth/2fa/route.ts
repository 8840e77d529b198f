import { NextResponse, type NextRequest } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { mfaStatus } from "@/lib/auth/mfa";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(async (request: NextRequest) => {
  return NextResponse.json(await mfaStatus(await requireUser(request)), { headers: NO_STORE });
});
