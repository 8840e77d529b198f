"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Sections } from "@/lib/i18n/dictionaries";
import { EDIT_SCOPES, type EditScope } from "@/lib/planner/types";

// Asked before an occurrence of a repeating event is saved or deleted, as Google Calendar asks:
// this event, this and following events, or all of them.
export function ScopeChoice({
  t,
  action,
  busy,
  onConfirm,
  onCancel,
}: {
  t: Sections<"common" | "planner">;
  action: "save" | "delete";
  busy: boolean;
  onConfirm: (scope: EditScope) => void;
  onCancel: () => void;
}) {
  const [scope, setScope] = useState<EditScope>("this");
  const text = t.planner.repeat;
  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-900">{action === "save" ? text.scopeSave : text.scopeDelete}</legend>
      {EDIT_SCOPES.map((option, index) => (
        <label key={option} className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" name="scope" value={option} checked={scope === option} onChange={() => setScope(option)} autoFocus={index === 0} className="size-4 accent-teal-700" />
          {text.scopes[option]}
        </label>
      ))}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          {t.planner.cancel}
        </Button>
        <Button type="button" variant={action === "delete" ? "danger" : "primary"} onClick={() => onConfirm(scope)} busy={busy} busyLabel={t.common.submitting}>
          {text.confirm}
        </Button>
      </div>
    </fieldset>
  );
}
