import "server-only";
import { getDb } from "@/lib/db";
import { eventTime, leadTime } from "@/lib/mail/templates";
import { pushToUser, type PushRun } from "@/lib/push/subscriptions";
import { dueReminderOf, reminderDay } from "@/lib/planner/reminders";

// A reminder as a browser notification, beside its mail. It goes out once, from the run that queued
// the reminder (lib/jobs.ts): the reminder's delivery row makes that run the only one, as it does for
// the mail. It is read through the same rule as the mail (dueReminderOf), so an event deleted, moved
// or no longer reminded of sends none. It is not retried: a notification hours late is noise, and
// the mail is the channel that survives outages.

// What the service worker (public/sw.js) shows: the notification's title and text, and the page a
// click opens. The tag makes a repeated delivery replace the notification instead of adding one.
const DAY_SECONDS = 24 * 3600;

export interface ReminderPushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
}

export async function pushReminder(intentId: string, now: Date): Promise<PushRun | null> {
  const intent = await getDb().mailIntent.findUnique({ where: { id: intentId } });
  if (!intent?.userId) return null;
  const reminder = await dueReminderOf(intent, now);
  if (!reminder) return null;
  const { title, start, end, allDay, minutesBefore, timeZone } = reminder;
  const lead = leadTime(minutesBefore, allDay);
  const payload: ReminderPushPayload = {
    title: title.replace(/\s+/g, " "),
    body: `${lead.ko} · ${eventTime(start, end, allDay, timeZone, "ko-KR")}\n${lead.en} · ${eventTime(start, end, allDay, timeZone, "en-US")}`,
    url: `/dashboard?view=week&date=${reminderDay(reminder)}`,
    tag: `reminder-${intent.id}`,
  };
  // Kept by the push service for a browser that is offline until the occurrence ends, and a day at most.
  const ttlSeconds = Math.min(DAY_SECONDS, Math.max(60, (end.getTime() - now.getTime()) / 1000));
  return pushToUser(intent.userId, JSON.stringify(payload), ttlSeconds);
}
