import { NextResponse, type NextRequest } from "next/server";
import { requireUser, requireUserForWrite } from "@/lib/auth/guard";
import { listPasskeys, registerPasskey } from "@/lib/auth/passkeys";
import { requestMeta } from "@/lib/auth/sessions";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { registerPasskeySchema } from "@/lib/validations/strong-auth";

export const GET = withErrors(async (request: NextRequest) => {
  return NextResponse.json({ passkeys: await listPasskeys(await requireUser(request)) }, { headers: NO_STORE });
});

export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const { response, name } = await parseJsonBody(request, registerPasskeySchema);
  return NextResponse.json({ passkey: await registerPasskey(userId, response, name, requestMeta(request)) }, { status: 201, headers: NO_STORE });
});
