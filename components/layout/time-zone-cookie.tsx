"use client";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/planner/dates";

// Tells the server the browser's time zone for the pages that follow (lib/i18n/server.ts) and for
// a sign-up, which starts the account in it. Not a secret, and only ever a hint: the server checks
// that it names a real zone, and a saved zone wins.
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const value = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}`;
    if (!document.cookie.split("; ").includes(value)) document.cookie = `${value}; path=/; max-age=31536000; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
  }, []);
  return null;
}
