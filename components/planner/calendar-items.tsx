"use client";
import type { ReactElement } from "react";
import { COLOR_CLASSES } from "@/components/planner/colors";
import type { EventDialogTarget } from "@/components/planner/event-dialog";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import { instantToZoned } from "@/lib/planner/dates";
import type { BucketItemDto, EventDto, TodoDto } from "@/lib/planner/types";

// What a day of the calendar shows: its events, and the todos due and bucket items aimed at it.
export interface DayItems {
  events: EventDto[];
  todos: TodoDto[];
  bucket: BucketItemDto[];
}

// What the month and week grids are drawn from (calendar-view.tsx holds it).
export interface GridProps {
  t: Sections<"dashboard" | "planner">;
  locale: Locale;
  days: string[];
  today: string;
  timeZone: string;
  itemsOn: (date: string) => DayItems;
  onOpen: (target: EventDialogTarget) => void;
}

// Occurrences of one series share its id: each is keyed by its original start too.
export function eventKey(event: EventDto): string {
  return `${event.id}|${event.occurrenceStart ?? ""}`;
}

export function EventChip({ event, timeZone, showTime, onOpen }: { event: EventDto; timeZone: string; showTime: boolean; onOpen: GridProps["onOpen"] }) {
  const time = !event.allDay && showTime ? `${instantToZoned(new Date(event.startsAt), timeZone).time} ` : "";
  return (
    <li>
      <button type="button" onClick={() => onOpen({ kind: "edit", event })} className={`w-full truncate rounded border px-1.5 py-0.5 text-left text-xs font-medium ${COLOR_CLASSES[event.color].chip}`}>
        {time}
        {event.title}
      </button>
    </li>
  );
}

// A day's todos and bucket items, as list items: the month grid counts them with the events.
export function dayMarkers(t: Sections<"planner">, items: DayItems): ReactElement[] {
  return [
    ...items.todos.map((todo) => (
      <li key={`todo-${todo.id}`} className={`truncate rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs text-slate-800 ${todo.completed ? "line-through" : ""}`}>
        <span className="font-semibold">{t.planner.todoBadge}</span> {todo.title}
      </li>
    )),
    ...items.bucket.map((item) => (
      <li key={`bucket-${item.id}`} className="truncate rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">
        <span className="font-semibold">★ {t.planner.bucketBadge}</span> {item.title}
      </li>
    )),
  ];
}
