import { json, route } from "@/lib/http/route";
import { getLocale } from "@/lib/i18n/server";
import { holidaysBetween } from "@/lib/planner/holidays";
import { getSettings } from "@/lib/planner/settings";
import { holidayRangeSchema } from "@/lib/validations/planner";

export const GET = route({ auth: "user", pat: "planner:read", query: holidayRangeSchema }, async ({ user, query }) => {
  const [{ holidayCountry }, locale] = await Promise.all([getSettings(user.id), getLocale()]);
  return json({ holidays: holidaysBetween(holidayCountry, query.from, query.to, locale) });
});
