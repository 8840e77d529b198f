import { NextResponse, type NextRequest } from "next/server";
import { requireUser, requireUserForWrite } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getSettings, updateSettings } from "@/lib/planner/settings";
import { settingsUpdateSchema } from "@/lib/validations/planner";

export const GET = withErrors(async (request: NextRequest) => {
  return NextResponse.json({ settings: await getSettings(await requireUser(request)) }, { headers: NO_STORE });
});

export const PATCH = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const input = await parseJsonBody(request, settingsUpdateSchema);
  return NextResponse.json({ settings: await updateSettings(userId, input) }, { headers: NO_STORE });
});
