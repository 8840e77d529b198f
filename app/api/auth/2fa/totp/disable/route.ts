import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { disableTotp } from "@/lib/auth/mfa";
import { requestMeta } from "@/lib/auth/sessions";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { proofSchema } from "@/lib/validations/strong-auth";

export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const proof = await parseJsonBody(request, proofSchema);
  await disableTotp(userId, proof, (await getDictionary()).t.validation, requestMeta(request));
  return NextResponse.json({ totpEnabled: false }, { headers: NO_STORE });
});
