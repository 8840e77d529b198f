import { NextResponse, type NextRequest } from "next/server";
import { requireToken } from "@/lib/auth/guard";
import { listSessions } from "@/lib/auth/sessions";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(async (request: NextRequest) => {
  const claims = await requireToken(request, "ACCESS");
  return NextResponse.json({ sessions: await listSessions(claims.sub, claims.sid) }, { headers: NO_STORE });
});
