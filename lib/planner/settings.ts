import "server-only";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { isHolidayCountry } from "@/lib/planner/holiday-countries";
import type { PlannerSettings } from "@/lib/planner/types";
import type { SettingsUpdateInput } from "@/lib/validations/planner";

export async function getSettings(userId: string): Promise<PlannerSettings> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { weekStartsOn: true, timeZone: true, holidayCountry: true } });
  if (!user) throw new ApiError("UNAUTHENTICATED");
  // A code date-holidays has since dropped reads as none rather than breaking the calendar.
  const holidayCountry = user.holidayCountry !== null && isHolidayCountry(user.holidayCountry) ? user.holidayCountry : null;
  return { weekStartsOn: user.weekStartsOn === 1 ? 1 : 0, timeZone: user.timeZone, holidayCountry };
}

export async function updateSettings(userId: string, input: SettingsUpdateInput): Promise<PlannerSettings> {
  await getDb().user.update({ where: { id: userId }, data: input });
  return getSettings(userId);
}
