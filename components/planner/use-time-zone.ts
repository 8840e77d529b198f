"use client";
import { useEffect, useSyncExternalStore } from "react";
import { api } from "@/lib/client/api";

const unchanging = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

// The user's saved time zone; until they have one, the browser's, which is then saved for them
// (so server-side rules such as "overdue" agree with what the page shows). The server drew the page
// in `pageZone` (lib/i18n/server.ts); hydration starts from it, so the two never disagree, and a
// browser elsewhere is drawn in its own zone right after.
export function useTimeZone(saved: string | null, pageZone: string): string {
  const timeZone = useSyncExternalStore(
    unchanging,
    () => saved ?? browserZone(),
    () => saved ?? pageZone,
  );
  useEffect(() => {
    if (!saved) void api("/api/settings", { method: "PATCH", json: { timeZone: browserZone() } }).catch(() => null);
  }, [saved]);
  return timeZone;
}
