import { NextResponse, type NextRequest } from "next/server";
import { securityStats } from "@/lib/auth/admin";
import { requireAdmin } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(async (request: NextRequest) => {
  await requireAdmin(request, { write: false });
  return NextResponse.json(await securityStats(), { headers: NO_STORE });
});
