import { NextResponse } from "next/server";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { exportCalendar } from "@/lib/planner/calendar-file";
import { feedOwner } from "@/lib/planner/calendar-feed";
import { calendarFeedParams } from "@/lib/validations/planner";

const REFRESH_HOURS = 1;

// A calendar subscription, fetched by Google Calendar, Apple Calendar and the like with no session:
// the secret URL is the only credential (lib/planner/calendar-feed.ts). Unknown and revoked tokens
// are one 404. The per-address limit slows guessing, which 256 random bits make hopeless anyway.
export const GET = route({ auth: "none", params: calendarFeedParams, ipLimit: { name: "calendar-feed", max: 120, windowSeconds: 3600 } }, async ({ params }) => {
  const userId = await feedOwner(params.token.slice(0, -".ics".length));
  if (!userId) throw new ApiError("NOT_FOUND");
  const file = await exportCalendar(userId, { refreshHours: REFRESH_HOURS });
  // Cache-Control and Referrer-Policy for these URLs are set in next.config.js, which would override them here.
  return new NextResponse(file, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="tropical.ics"' } });
});
