import { json, route } from "@/lib/http/route";
import { createTodo, listTodos } from "@/lib/planner/todos";
import { todoCreateSchema, todoListSchema } from "@/lib/validations/planner";

export const GET = route({ auth: "user", pat: "planner:read", query: todoListSchema }, async ({ user, query }) => json({ todos: await listTodos(user.id, query) }));

export const POST = route({ auth: "user", pat: "planner:write", body: todoCreateSchema }, async ({ user, body }) => json({ todo: await createTodo(user.id, body) }, 201));
