import { json, route } from "@/lib/http/route";
import { runRetention } from "@/lib/jobs";

// Deletes what has expired (lib/retention.ts); vercel.json schedules it daily.
export const GET = route({ auth: "cron" }, async () => json(await runRetention("cron")));
