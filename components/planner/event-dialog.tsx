"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, TextareaField } from "@/components/ui/field";
import { COLOR_CLASSES } from "@/components/planner/colors";
import { withStart, type EventFields } from "@/components/planner/event-form";
import { ReminderFields } from "@/components/planner/reminder-fields";
import { RepeatFields, repeatDraft, repeatPayload } from "@/components/planner/repeat-fields";
import { ScopeChoice } from "@/components/planner/scope-choice";
import { useEventSave } from "@/components/planner/use-event-save";
import { Form } from "@/components/ui/form";
import type { Sections } from "@/lib/i18n/dictionaries";
import { addDays, instantToZoned } from "@/lib/planner/dates";
import { EVENT_COLORS, type EditScope, type EventDto } from "@/lib/planner/types";

// A new event arrives with what the quick-add popover (or a drag) already filled in.
export type EventDialogTarget = { kind: "create"; fields: EventFields } | { kind: "edit"; event: EventDto };

function initialForm(target: EventDialogTarget, timeZone: string): EventFields {
  if (target.kind === "create") return target.fields;
  const { event } = target;
  const start = event.allDay ? { date: event.startsAt.slice(0, 10), time: "09:00" } : instantToZoned(new Date(event.startsAt), timeZone);
  const end = event.allDay ? { date: addDays(event.endsAt.slice(0, 10), -1), time: "10:00" } : instantToZoned(new Date(event.endsAt), timeZone);
  return {
    title: event.title,
    description: event.description ?? "",
    location: event.location ?? "",
    allDay: event.allDay,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    color: event.color,
  };
}

export function EventDialog({
  t,
  target,
  timeZone,
  onSaved,
  onDeleted,
  onClose,
}: {
  t: Sections<"apiErrors" | "common" | "planner" | "validation">;
  target: EventDialogTarget;
  timeZone: string;
  onSaved: (event: EventDto) => void;
  onDeleted: (event: EventDto, scope?: EditScope) => void;
  onClose: () => void;
}) {
  const [form, setForm] = useState(() => initialForm(target, timeZone));
  const { busy, fields, message, save, warm } = useEventSave(t);
  const set = <Key extends keyof EventFields>(key: Key, value: EventFields[Key]) => setForm((current) => ({ ...current, [key]: value }));
  const setStart = (date: string, time: string) => setForm((current) => withStart(current, date, time));
  const [repeat, setRepeat] = useState(() => repeatDraft(target.kind === "edit" ? target.event.repeat : null));
  const [reminders, setReminders] = useState<number[]>(() => (target.kind === "edit" ? target.event.reminders : []));
  // An occurrence of a series asks which occurrences a save or delete is for before it is sent.
  const occurrence = target.kind === "edit" && target.event.seriesId ? target.event : null;
  const [asking, setAsking] = useState<"save" | "delete" | null>(null);

  async function onSubmit(event?: FormEvent<HTMLFormElement>, scope?: EditScope) {
    event?.preventDefault();
    if (asking && !scope) return;
    if (occurrence && !scope) return setAsking("save");
    const saved = await save(form, timeZone, { ...repeatPayload(repeat, timeZone, occurrence, scope), reminders }, target.kind === "edit" ? target.event.id : undefined);
    if (saved) onSaved(saved);
    else setAsking(null);
  }

  // The calendar sends the deletion once its undo toast has gone (use-undoable-delete.ts).
  function onDelete(scope?: EditScope) {
    if (target.kind !== "edit") return;
    if (occurrence && !scope) return setAsking("delete");
    onDeleted(target.event, occurrence ? scope : undefined);
  }

  return (
    <Dialog title={target.kind === "create" ? t.planner.newEvent : t.planner.editEvent} onClose={onClose}>
      <Form onFocus={warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {message ? <Alert>{message}</Alert> : null}
        <Field label={t.planner.title} name="title" value={form.title} onChange={(event) => set("title", event.target.value)} error={fields.title} required maxLength={200} data-autofocus />
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" checked={form.allDay} onChange={(event) => set("allDay", event.target.checked)} className="size-4 accent-teal-700" />
          {t.planner.allDay}
        </label>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t.planner.start} name="startDate" type="date" value={form.startDate} onChange={(event) => setStart(event.target.value, form.startTime)} error={fields.startsAt} />
          {form.allDay ? null : (
            <Field label={`${t.planner.start} (${timeZone})`} name="startTime" type="time" value={form.startTime} onChange={(event) => setStart(form.startDate, event.target.value)} />
          )}
          <Field label={t.planner.end} name="endDate" type="date" value={form.endDate} onChange={(event) => set("endDate", event.target.value)} error={fields.endsAt} />
          {form.allDay ? null : <Field label={`${t.planner.end} (${timeZone})`} name="endTime" type="time" value={form.endTime} onChange={(event) => set("endTime", event.target.value)} />}
        </div>
        <RepeatFields t={t} draft={repeat} startDate={form.startDate} fields={fields} onChange={setRepeat} />
        <ReminderFields t={t} value={reminders} allDay={form.allDay} error={fields.reminders} onChange={setReminders} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t.planner.color}</legend>
          <div className="flex flex-wrap gap-2">
            {EVENT_COLORS.map((color) => (
              <label key={color} className="cursor-pointer">
                <input type="radio" name="color" value={color} checked={form.color === color} onChange={() => set("color", color)} className="peer sr-only" />
                <span
                  className={`block size-8 rounded-full ring-offset-2 peer-checked:ring-2 peer-checked:ring-slate-900 peer-focus-visible:ring-2 peer-focus-visible:ring-teal-700 ${COLOR_CLASSES[color].swatch}`}
                  title={t.planner.colors[color]}
                />
                <span className="sr-only">{t.planner.colors[color]}</span>
              </label>
            ))}
          </div>
          {fields.color ? <p className="text-sm text-red-700">{fields.color}</p> : null}
        </fieldset>
        <Field label={t.planner.location} name="location" value={form.location} onChange={(event) => set("location", event.target.value)} error={fields.location} maxLength={200} />
        <TextareaField
          label={t.planner.description}
          name="description"
          value={form.description}
          onChange={(event) => set("description", event.target.value)}
          error={fields.description}
          rows={3}
          maxLength={2000}
        />
        {asking ? (
          <ScopeChoice t={t} action={asking} busy={busy} onConfirm={(scope) => void (asking === "save" ? onSubmit(undefined, scope) : onDelete(scope))} onCancel={() => setAsking(null)} />
        ) : null}
        <div className={`flex flex-wrap justify-between gap-2 ${asking ? "hidden" : ""}`}>
          {target.kind === "edit" ? (
            <Button type="button" variant="secondary" onClick={() => onDelete()} disabled={busy} className="text-red-700">
              {t.planner.delete}
            </Button>
          ) : (
            <span />
          )}
          <div className="flex gap-2">
            <Button type="button" variant="secondary" onClick={onClose} disabled={busy}>
              {t.planner.cancel}
            </Button>
            <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
              {t.planner.save}
            </Button>
          </div>
        </div>
      </Form>
    </Dialog>
  );
}
