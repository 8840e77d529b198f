import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseId, parseJsonBody } from "@/lib/http/request";
import { deleteBucketItem, updateBucketItem } from "@/lib/planner/bucket";
import { bucketUpdateSchema } from "@/lib/validations/planner";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  const id = await parseId(context);
  const input = await parseJsonBody(request, bucketUpdateSchema);
  return NextResponse.json({ item: await updateBucketItem(userId, id, input) }, { headers: NO_STORE });
});

export const DELETE = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  await deleteBucketItem(userId, await parseId(context));
  return new NextResponse(null, { status: 204, headers: NO_STORE });
});
