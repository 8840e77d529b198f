import { NextResponse, type NextRequest } from "next/server";
import { requireUserForWrite } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseId, parseJsonBody } from "@/lib/http/request";
import { deleteTodo, updateTodo } from "@/lib/planner/todos";
import { todoUpdateSchema } from "@/lib/validations/planner";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  const id = await parseId(context);
  const input = await parseJsonBody(request, todoUpdateSchema);
  return NextResponse.json({ todo: await updateTodo(userId, id, input) }, { headers: NO_STORE });
});

export const DELETE = withErrors(async (request: NextRequest, context: Context) => {
  const userId = await requireUserForWrite(request);
  await deleteTodo(userId, await parseId(context));
  return new NextResponse(null, { status: 204, headers: NO_STORE });
});
