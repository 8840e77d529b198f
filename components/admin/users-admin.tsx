"use client";
import { useState } from "react";
import { UsersTable } from "@/components/admin/admin-tables";
import { UserActionForm } from "@/components/admin/user-action-form";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";

// The account list and what can be done to the one chosen from it.
export function UsersAdmin({ t, locale }: { t: Sections<"admin" | "apiErrors" | "common" | "planner" | "settings">; locale: Locale }) {
  const [chosen, setChosen] = useState("");
  return (
    <div className="flex flex-col gap-4">
      <UserActionForm t={t} email={chosen} actions={["disable", "enable", "revoke", "unlock"]} />
      <UsersTable t={t} locale={locale} onChoose={setChosen} />
    </div>
  );
}
