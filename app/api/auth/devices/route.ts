import { listDevices } from "@/lib/auth/devices";
import { json, route } from "@/lib/http/route";

export const GET = route({ auth: "user" }, async ({ user, meta }) => json({ devices: await listDevices(user.id, { meta }) }));
