import { json, noContent, route } from "@/lib/http/route";
import { calendarFeedStatus, createCalendarFeed, revokeCalendarFeed } from "@/lib/planner/calendar-feed";

export const GET = route({ auth: "user" }, async ({ user }) => json(await calendarFeedStatus(user.id)));

// A new subscription URL (the earlier one stops working); the answer is the only time it is shown.
export const POST = route({ auth: "user" }, async ({ user, meta }) => json(await createCalendarFeed(user.id, meta), 201));

export const DELETE = route({ auth: "user" }, async ({ user, meta }) => {
  await revokeCalendarFeed(user.id, meta);
  return noContent();
});
