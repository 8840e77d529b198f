import "server-only";
import { getDb } from "@/lib/db";
import { forOwner, ownedOrNotFound } from "@/lib/planner/owned";
import { ApiError } from "@/lib/errors";
import type { Prisma, Todo } from "@/lib/generated/prisma/client";
import { todayIn, toDateString } from "@/lib/planner/dates";
import { arrangeTodos, type TodoView } from "@/lib/planner/todo-order";
import type { TodoDto } from "@/lib/planner/types";
import type { TodoCreateInput, TodoUpdateInput } from "@/lib/validations/planner";

// A list longer than this is not a todo list any more; the bound keeps every query cheap.
export const MAX_TODOS = 500;

export function toDto(todo: Todo): TodoDto {
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

// The whole list (it is capped), filtered and ordered by the same rules the page redraws with.
export async function listTodos(userId: string, view: TodoView): Promise<TodoDto[]> {
  const db = getDb();
  const [todos, user] = await Promise.all([
    db.todo.findMany({ where: { userId }, take: MAX_TODOS }),
    // Only "overdue" depends on the day, which is the user's own.
    view.filter === "overdue" ? db.user.findUnique({ where: { id: userId }, select: { timeZone: true } }) : null,
  ]);
  return arrangeTodos(todos.map(toDto), view, todayIn(user?.timeZone));
}

export async function createTodo(userId: string, input: TodoCreateInput): Promise<TodoDto> {
  const todo = await forOwner(userId, async (tx) => {
    const [count, last] = await Promise.all([tx.todo.count({ where: { userId } }), tx.todo.aggregate({ where: { userId }, _max: { position: true } })]);
    if (count >= MAX_TODOS) throw new ApiError("LIMIT_REACHED");
    return tx.todo.create({ data: { userId, title: input.title, dueOn: input.dueOn, priority: input.priority, position: (last._max.position ?? 0) + 1 } });
  });
  return toDto(todo);
}

export async function updateTodo(userId: string, id: string, input: TodoUpdateInput): Promise<TodoDto> {
  const { completed, ...fields } = input;
  const data: Prisma.TodoUpdateManyMutationInput = { ...fields };
  if (completed !== undefined) data.completedAt = completed ? new Date() : null;
  return toDto(await ownedOrNotFound(getDb().todo.update({ where: { id, userId }, data })));
}

export async function deleteTodo(userId: string, id: string): Promise<void> {
  const deleted = await getDb().todo.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw new ApiError("NOT_FOUND");
}
