import { json, route } from "@/lib/http/route";
import { runMailDelivery } from "@/lib/jobs";

// Sends the queued mail that is due (first attempts that failed, retries), for hosts where no
// process lives on to do it between requests; vercel.json schedules it.
export const GET = route({ auth: "cron" }, async () => json(await runMailDelivery("cron")));
