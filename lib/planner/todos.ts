import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { Prisma, Todo } from "@/lib/generated/prisma/client";
import { todayIn, toDateString } from "@/lib/planner/dates";
import type { TodoDto } from "@/lib/planner/types";
import type { TodoCreateInput, TodoListQuery, TodoUpdateInput } from "@/lib/validations/planner";

// A list longer than this is not a todo list any more; the bound keeps every query cheap.
export const MAX_TODOS = 500;

function toDto(todo: Todo): TodoDto {
  return {
    id: todo.id,
    title: todo.title,
    dueOn: todo.dueOn ? toDateString(todo.dueOn) : null,
    priority: todo.priority,
    completed: todo.completedAt !== null,
    completedAt: todo.completedAt?.toISOString() ?? null,
    position: todo.position,
    createdAt: todo.createdAt.toISOString(),
  };
}

const ORDER: Record<TodoListQuery["sort"], Prisma.TodoOrderByWithRelationInput[]> = {
  manual: [{ position: "asc" }],
  due: [{ dueOn: { sort: "asc", nulls: "last" } }, { position: "asc" }],
  priority: [{ priority: "desc" }, { position: "asc" }],
  created: [{ createdAt: "desc" }],
};

export async function listTodos(userId: string, query: TodoListQuery): Promise<TodoDto[]> {
  const db = getDb();
  const where: Prisma.TodoWhereInput = { userId };
  if (query.filter === "active") where.completedAt = null;
  if (query.filter === "done") where.completedAt = { not: null };
  if (query.filter === "overdue") {
    const user = await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
    where.completedAt = null;
    where.dueOn = { lt: new Date(`${todayIn(user?.timeZone)}T00:00:00Z`) };
  }
  // Enum order is declaration order (LOW, MEDIUM, HIGH), so "desc" puts HIGH first.
  const todos = await db.todo.findMany({ where, orderBy: [...ORDER[query.sort], { id: "asc" }], take: MAX_TODOS });
  return todos.map(toDto);
}

export async function createTodo(userId: string, input: TodoCreateInput): Promise<TodoDto> {
  const db = getDb();
  if ((await db.todo.count({ where: { userId } })) >= MAX_TODOS) throw new ApiError("LIMIT_REACHED");
  const last = await db.todo.findFirst({ where: { userId }, orderBy: { position: "desc" }, select: { position: true } });
  const todo = await db.todo.create({ data: { userId, title: input.title, dueOn: input.dueOn, priority: input.priority, position: (last?.position ?? 0) + 1 } });
  return toDto(todo);
}

export async function updateTodo(userId: string, id: string, input: TodoUpdateInput): Promise<TodoDto> {
  const { completed, ...fields } = input;
  const data: Prisma.TodoUpdateManyMutationInput = { ...fields };
  if (completed !== undefined) data.completedAt = completed ? new Date() : null;
  const db = getDb();
  const updated = await db.todo.updateMany({ where: { id, userId }, data });
  if (updated.count === 0) throw new ApiError("NOT_FOUND");
  const todo = await db.todo.findFirst({ where: { id, userId } });
  if (!todo) throw new ApiError("NOT_FOUND");
  return toDto(todo);
}

export async function deleteTodo(userId: string, id: string): Promise<void> {
  const deleted = await getDb().todo.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ApiError("NOT_FOUND");
}
