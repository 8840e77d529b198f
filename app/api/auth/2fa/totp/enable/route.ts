import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { enableTotp } from "@/lib/auth/mfa";
import { requestMeta } from "@/lib/auth/sessions";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { enableTotpSchema } from "@/lib/validations/strong-auth";

// Answers the recovery codes this once; only their hashes are kept.
export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const { code } = await parseJsonBody(request, enableTotpSchema);
  const recoveryCodes = await enableTotp(userId, code, (await getDictionary()).t.validation, requestMeta(request));
  return NextResponse.json({ recoveryCodes }, { headers: NO_STORE });
});
