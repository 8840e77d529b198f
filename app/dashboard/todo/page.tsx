import { cookies } from "next/headers";
import { TodoList } from "@/components/planner/todo-list";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTimeZone, titledMetadata } from "@/lib/i18n/server";
import { DELETING_ITEMS_COOKIE, parseDeletingItems } from "@/lib/planner/deleting-items";
import { getSettings } from "@/lib/planner/settings";
import { DEFAULT_TODO_VIEW } from "@/lib/planner/todo-order";
import { listTodos } from "@/lib/planner/todos";

export const generateMetadata = titledMetadata("todo");

// The list is read with the page, so it arrives drawn rather than as "loading" and a second request.
export default async function TodoPage() {
  const user = await requireCurrentUser("/dashboard/todo");
  const [{ locale, t }, settings, todos] = await Promise.all([getDictionary(), getSettings(user.id), listTodos(user.id, DEFAULT_TODO_VIEW)]);
  const deleting = parseDeletingItems((await cookies()).get(DELETING_ITEMS_COOKIE)?.value);
  const initial = todos.filter((todo) => !deleting.has(todo.id));
  return (
    <TodoList t={sections(t, "apiErrors", "common", "dashboard", "planner", "validation")} locale={locale} settings={settings} pageZone={await getTimeZone(settings.timeZone)} initial={initial} />
  );
}
