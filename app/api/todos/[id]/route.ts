import { json, noContent, route } from "@/lib/http/route";
import { deleteTodo, updateTodo } from "@/lib/planner/todos";
import { idParams } from "@/lib/validations/params";
import { todoUpdateSchema } from "@/lib/validations/planner";

export const PATCH = route({ auth: "user", pat: "planner:write", params: idParams, body: todoUpdateSchema }, async ({ user, params, body }) =>
  json({ todo: await updateTodo(user.id, params.id, body) }),
);

export const DELETE = route({ auth: "user", pat: "planner:write", params: idParams }, async ({ user, params }) => {
  await deleteTodo(user.id, params.id);
  return noContent();
});
