import { NextResponse, type NextRequest } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { listActivity } from "@/lib/auth/security-events";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";

export const GET = withErrors(async (request: NextRequest) => {
  return NextResponse.json({ events: await listActivity(await requireUser(request)) }, { headers: NO_STORE });
});
