import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { startTotpSetup } from "@/lib/auth/mfa";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

// The secret is shown once, to its owner, for their authenticator app; it is stored encrypted.
export const POST = withErrors(async (request: NextRequest) => {
  return NextResponse.json(await startTotpSetup(await requireUserForWrite(request)), { headers: NO_STORE });
});
