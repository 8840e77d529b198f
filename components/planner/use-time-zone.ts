"use client";
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";

// The user's saved time zone; until they have one, the browser's, which is then saved for them
// (so server-side rules such as "overdue" agree with what the page shows).
export function useTimeZone(saved: string | null): string {
  const [timeZone] = useState(() => saved ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC");
  useEffect(() => {
    if (!saved) void api("/api/settings", { method: "PATCH", json: { timeZone } }).catch(() => null);
  }, [saved, timeZone]);
  return timeZone;
}
