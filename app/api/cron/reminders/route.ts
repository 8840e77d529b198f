import { json, route } from "@/lib/http/route";
import { runReminderDelivery } from "@/lib/jobs";

// Queues and sends the event reminders that are due, for hosts where no process lives on to do it;
// vercel.json schedules it.
export const GET = route({ auth: "cron" }, async () => json(await runReminderDelivery("cron")));
