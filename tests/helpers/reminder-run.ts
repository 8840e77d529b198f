// One reminder run at a clock the test chooses, in a process of its own, as another server instance
// would make it: `node --conditions=react-server --import tsx tests/helpers/reminder-run.ts <ISO
// instant> queue|deliver`. "queue" only queues (the stack's sweeper sends); "deliver" makes the
// first attempt too, through this process's SMTP_URL, and sends the pushes. Prints the run as JSON.
import { runReminderDelivery } from "@/lib/jobs";
import { runReminders } from "@/lib/planner/reminders";

const [, , at = "", mode = "queue"] = process.argv;
const now = new Date(at);
if (Number.isNaN(now.getTime())) throw new Error(`not an instant: ${at}`);
if (mode === "deliver") {
  const { due, queued, sent, pushed } = await runReminderDelivery("cron", now);
  console.log(JSON.stringify({ due, queued, sent, pushed }));
} else {
  const { due, queued } = await runReminders(now);
  console.log(JSON.stringify({ due, queued }));
}
process.exit(0);
