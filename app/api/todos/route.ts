import { NextResponse, type NextRequest } from "next/server";
import { requireUser, requireUserForWrite } from "@/lib/auth/guard";
import { NO_STORE } from "@/lib/errors";
import { withErrors } from "@/lib/http/handler";
import { parseJsonBody, parseQuery } from "@/lib/http/request";
import { createTodo, listTodos } from "@/lib/planner/todos";
import { todoCreateSchema, todoListSchema } from "@/lib/validations/planner";

export const GET = withErrors(async (request: NextRequest) => {
  const userId = await requireUser(request);
  const query = await parseQuery(request, todoListSchema);
  return NextResponse.json({ todos: await listTodos(userId, query) }, { headers: NO_STORE });
});

export const POST = withErrors(async (request: NextRequest) => {
  const userId = await requireUserForWrite(request);
  const input = await parseJsonBody(request, todoCreateSchema);
  return NextResponse.json({ todo: await createTodo(userId, input) }, { status: 201, headers: NO_STORE });
});
