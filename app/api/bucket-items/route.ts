import { NextResponse, type NextRequest } from "next/server";
import { requireUser, requireUserForWrite } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { createBucketItem, listBucketItems } from "@/lib/planner/bucket";
import { bucketCreateSchema } from "@/lib/validations/planner";

export const GET = withErrors(async (request: NextRequest) => {
  const userId = await requireUser(request);
  return NextResponse.json(await listBucketItems(userId), { headers: NO_STORE });
});

export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const input = await parseJsonBody(request, bucketCreateSchema);
  return NextResponse.json({ item: await createBucketItem(userId, input) }, { status: 201, headers: NO_STORE });
});
