import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { regenerateRecoveryCodes } from "@/lib/auth/mfa";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { getDictionary } from "@/lib/i18n/server";
import { proofSchema } from "@/lib/validations/strong-auth";

// New codes replace every old one, used or not.
export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const proof = await parseJsonBody(request, proofSchema);
  return NextResponse.json({ recoveryCodes: await regenerateRecoveryCodes(userId, proof, (await getDictionary()).t.validation) }, { headers: NO_STORE });
});
