"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { loadPage } from "@/lib/client/navigation";

// A form, so that a click before the page's scripts have run still signs out: the browser posts it
// and the server sends that navigation on to /login.
export function LogoutButton({ label, busyLabel }: { label: string; busyLabel: string }) {
  const [busy, setBusy] = useState(false);
  async function logOut(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    // Whatever the server answers, the user asked to leave: the next page load is signed out
    // because the cookies are cleared, or the middleware sends them to /login.
    await api("/api/auth/logout", { method: "POST" }).catch(() => null);
    loadPage("/login");
  }
  return (
    <Form action="/api/auth/logout" onSubmit={logOut} className="contents">
      <Button type="submit" variant="secondary" busy={busy} busyLabel={busyLabel}>
        {label}
      </Button>
    </Form>
  );
}
