import { NextResponse, type NextRequest } from "next/server";
import { requireUser } from "@/lib/auth/guard";
import { listActivity } from "@/lib/auth/security-events";
import { NO_STORE, withErrors } from "@/lib/errors";

export const GET = withErrors(async (request: NextRequest) => {
  return NextResponse.json({ events: await listActivity(await requireUser(request)) }, { headers: NO_STORE });
});
