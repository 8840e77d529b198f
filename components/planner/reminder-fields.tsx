"use client";
import type { Sections } from "@/lib/i18n/dictionaries";
import { MAX_REMINDERS, REMINDER_OFFSETS } from "@/lib/planner/types";

// The event form's reminders: which of the fixed offsets mail a reminder, at most MAX_REMINDERS.
export function ReminderFields({ t, value, allDay, error, onChange }: { t: Sections<"planner">; value: readonly number[]; allDay: boolean; error?: string; onChange: (reminders: number[]) => void }) {
  const text = t.planner.reminders;
  const full = value.length >= MAX_REMINDERS;
  const toggle = (offset: number, on: boolean) => onChange(on ? [...value, offset].sort((a, b) => a - b) : value.filter((chosen) => chosen !== offset));
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-slate-800">{text.label}</legend>
      <p className="mb-2 text-xs text-slate-600">
        {text.hint}
        {allDay ? ` · ${text.allDayNote}` : ""}
      </p>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {REMINDER_OFFSETS.map((offset) => {
          const checked = value.includes(offset);
          return (
            <label key={offset} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" checked={checked} disabled={full && !checked} onChange={(event) => toggle(offset, event.target.checked)} className="size-4 accent-teal-700" />
              {text.offsets[offset]}
            </label>
          );
        })}
      </div>
      {error ? <p className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
