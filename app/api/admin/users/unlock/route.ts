import { NextResponse, type NextRequest } from "next/server";
import { unlockAccount } from "@/lib/auth/admin";
import { requireAdmin } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/request";
import { adminActionSchema } from "@/lib/validations/admin";

export const POST = withErrors(async (request: NextRequest) => {
  const admin = await requireAdmin(request, { write: true });
  const { email, reason } = await parseJsonBody(request, adminActionSchema);
  await unlockAccount(admin, email, reason);
  return NextResponse.json({ unlocked: true }, { headers: NO_STORE });
});
