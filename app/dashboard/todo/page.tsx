import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TodoList } from "@/components/planner/todo-list";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDictionary } from "@/lib/i18n/server";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Todo" };

export default async function TodoPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/dashboard/todo");
  const { t } = await getDictionary();
  return <TodoList t={t} settings={await getSettings(user.id)} />;
}
