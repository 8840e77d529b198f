import { NextResponse } from "next/server";
import { NO_STORE } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { exportUserData } from "@/lib/privacy";

// "Download my data": a JSON file of everything kept about the user, saved by the browser.
export const GET = route({ auth: "user" }, async ({ user, meta }) => {
  const data = await exportUserData(user.id, meta);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: { ...NO_STORE, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="tropical-data-${data.exportedAt.slice(0, 10)}.json"` },
  });
});
