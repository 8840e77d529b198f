import { NextResponse } from "next/server";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { exportCalendar } from "@/lib/planner/calendar-file";

// "Export .ics": every event of the user as a file the browser saves.
export const GET = route({ auth: "user", pat: "planner:read" }, async ({ user }) => {
  const file = await exportCalendar(user.id);
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(file, { headers: { ...NO_STORE, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="tropical-${date}.ics"` } });
});
