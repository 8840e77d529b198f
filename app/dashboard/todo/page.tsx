import type { Metadata } from "next";
import { TodoList } from "@/components/planner/todo-list";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { getDictionary } from "@/lib/i18n/server";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Todo" };

export default async function TodoPage() {
  const user = await requireCurrentUser("/dashboard/todo");
  const { t } = await getDictionary();
  return <TodoList t={t} settings={await getSettings(user.id)} />;
}
