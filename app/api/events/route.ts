import { NextResponse, type NextRequest } from "next/server";
import { requireUser, requireUserForWrite } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody, parseQuery } from "@/lib/http/request";
import { createEvent, listEvents } from "@/lib/planner/events";
import { eventCreateSchema, eventRangeSchema } from "@/lib/validations/planner";

export const GET = withErrors(async (request: NextRequest) => {
  const userId = await requireUser(request);
  const { from, to } = await parseQuery(request, eventRangeSchema);
  return NextResponse.json({ events: await listEvents(userId, from, to) }, { headers: NO_STORE });
});

export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const input = await parseJsonBody(request, eventCreateSchema);
  return NextResponse.json({ event: await createEvent(userId, input) }, { status: 201, headers: NO_STORE });
});
