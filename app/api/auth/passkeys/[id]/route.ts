import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { deletePasskey, renamePasskey } from "@/lib/auth/passkeys";
import { requestMeta } from "@/lib/auth/sessions";
import { ApiError, NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { passkeyIdSchema, renamePasskeySchema } from "@/lib/validations/strong-auth";

type Context = { params: Promise<{ id: string }> };

async function passkeyId(context: Context): Promise<string> {
  const parsed = passkeyIdSchema.safeParse((await context.params).id);
  if (!parsed.success) throw new ApiError("NOT_FOUND");
  return parsed.data;
}

export const PATCH = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  const id = await passkeyId(context);
  const { name } = await parseJsonBody(request, renamePasskeySchema);
  return NextResponse.json({ passkey: await renamePasskey(userId, id, name) }, { headers: NO_STORE });
});

export const DELETE = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  await deletePasskey(userId, await passkeyId(context), requestMeta(request));
  return new NextResponse(null, { status: 204, headers: NO_STORE });
});
