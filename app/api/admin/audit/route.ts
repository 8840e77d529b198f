import { NextResponse, type NextRequest } from "next/server";
import { listAuditLog } from "@/lib/auth/admin";
import { requireAdmin } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseQuery } from "@/lib/http/request";
import { auditFilterSchema } from "@/lib/validations/admin";

export const GET = withErrors(async (request: NextRequest) => {
  await requireAdmin(request, { write: false });
  return NextResponse.json(await listAuditLog(await parseQuery(request, auditFilterSchema)), { headers: NO_STORE });
});
