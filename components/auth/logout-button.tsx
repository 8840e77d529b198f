"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/client/api";

export function LogoutButton({ label, busyLabel }: { label: string; busyLabel: string }) {
  const [busy, setBusy] = useState(false);
  async function logOut() {
    setBusy(true);
    // Whatever the server answers, the user asked to leave: the next page load is signed out
    // because the cookies are cleared, or the middleware sends them to /login.
    await api("/api/auth/logout", { method: "POST" }).catch(() => null);
    window.location.assign("/login");
  }
  return (
    <Button variant="secondary" busy={busy} busyLabel={busyLabel} onClick={logOut}>
      {label}
    </Button>
  );
}
