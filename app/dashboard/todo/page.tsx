import type { Metadata } from "next";
import { TodoList } from "@/components/planner/todo-list";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { getDictionary, getTimeZone } from "@/lib/i18n/server";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Todo" };

export default async function TodoPage() {
  const user = await requireCurrentUser("/dashboard/todo");
  const { t } = await getDictionary();
  const settings = await getSettings(user.id);
  return <TodoList t={t} settings={settings} pageZone={await getTimeZone(settings.timeZone)} />;
}
