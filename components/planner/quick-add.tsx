"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, type Anchor } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { withStart, type EventFields } from "@/components/planner/event-form";
import { useEventSave } from "@/components/planner/use-event-save";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

// A click on a day or an hour, or a drag over several: the event it starts and where to show it.
export interface QuickAddTarget {
  fields: EventFields;
  anchor: Anchor;
}

// The small form a click in the calendar opens: a title and the times, Enter saves; the rest of an
// event (repeat, reminders, colour…) is one click further, in the full dialog with this draft.
export function QuickAdd({
  t,
  locale,
  target,
  timeZone,
  onSaved,
  onMore,
  onClose,
}: {
  t: Sections<"apiErrors" | "common" | "planner" | "validation">;
  locale: Locale;
  target: QuickAddTarget;
  timeZone: string;
  onSaved: (event: EventDto) => void;
  onMore: (fields: EventFields) => void;
  onClose: () => void;
}) {
  const [form, setForm] = useState(target.fields);
  const { busy, fields, message, save, warm } = useEventSave(t);
  const setStart = (date: string, time: string) => setForm((current) => withStart(current, date, time));
  const change = (changes: Partial<EventFields>) => setForm((current) => ({ ...current, ...changes }));
  const day = (date: string) => formatDate(date, locale, { month: "long", day: "numeric", weekday: "short" });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await save(form, timeZone);
    if (saved) onSaved(saved);
  }

  return (
    <Dialog title={t.planner.quickAdd} onClose={onClose} anchor={target.anchor}>
      <Form onFocus={warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {message ? <Alert>{message}</Alert> : null}
        <Field label={t.planner.title} name="title" value={form.title} onChange={(event) => change({ title: event.target.value })} error={fields.title} required maxLength={200} data-autofocus />
        {form.allDay ? (
          <div className="grid grid-cols-2 gap-3">
            <Field label={t.planner.start} name="startDate" type="date" value={form.startDate} onChange={(event) => setStart(event.target.value, form.startTime)} error={fields.startsAt} />
            <Field label={t.planner.end} name="endDate" type="date" value={form.endDate} onChange={(event) => change({ endDate: event.target.value })} error={fields.endsAt} />
          </div>
        ) : (
          <>
            <p className="text-sm text-slate-700">{form.endDate === form.startDate ? day(form.startDate) : `${day(form.startDate)} – ${day(form.endDate)}`}</p>
            <div className="grid grid-cols-2 gap-3">
              <Field
                label={`${t.planner.start} (${timeZone})`}
                name="startTime"
                type="time"
                value={form.startTime}
                onChange={(event) => setStart(form.startDate, event.target.value)}
                error={fields.startsAt}
              />
              <Field label={`${t.planner.end} (${timeZone})`} name="endTime" type="time" value={form.endTime} onChange={(event) => change({ endTime: event.target.value })} error={fields.endsAt} />
            </div>
          </>
        )}
        <div className="flex justify-between gap-2">
          <Button type="button" variant="secondary" onClick={() => onMore(form)} disabled={busy}>
            {t.planner.moreOptions}
          </Button>
          <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
            {t.planner.save}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
