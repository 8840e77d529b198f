import { json, route } from "@/lib/http/route";
import { getSettings, updateSettings } from "@/lib/planner/settings";
import { settingsUpdateSchema } from "@/lib/validations/planner";

export const GET = route({ auth: "user" }, async ({ user }) => json({ settings: await getSettings(user.id) }));

export const PATCH = route({ auth: "user", body: settingsUpdateSchema }, async ({ user, body }) => json({ settings: await updateSettings(user.id, body) }));
