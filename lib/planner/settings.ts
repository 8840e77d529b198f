import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import type { PlannerSettings } from "@/lib/planner/types";
import type { SettingsUpdateInput } from "@/lib/validations/planner";

export async function getSettings(userId: string): Promise<PlannerSettings> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { weekStartsOn: true, timeZone: true } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  return { weekStartsOn: user.weekStartsOn === 1 ? 1 : 0, timeZone: user.timeZone };
}

export async function updateSettings(userId: string, input: SettingsUpdateInput): Promise<PlannerSettings> {
  await getDb().user.update({ where: { id: userId }, data: input });
  return getSettings(userId);
}
