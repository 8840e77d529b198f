"use client";
import type { CSSProperties, ReactElement } from "react";
import { COLOR_CLASSES } from "@/components/planner/colors";
import type { EventDialogTarget } from "@/components/planner/event-dialog";
import type { QuickAddTarget } from "@/components/planner/quick-add";
import type { Anchor } from "@/components/ui/dialog";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import type { Bar } from "@/lib/planner/calendar-layout";
import { movedBy, timeLabelOn } from "@/lib/planner/calendar-layout";
import { eventDates } from "@/lib/planner/calendar";
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
  events: EventDto[];
  itemsOn: (date: string) => DayItems;
  // The day's public holidays, named; undefined on other days.
  holidayOn: (date: string) => string | undefined;
  onOpen: (target: EventDialogTarget) => void;
  // A click or a drag on an empty part of a day: a new event to fill in there.
  onCreate: (target: QuickAddTarget) => void;
  // A drag or a key moved or resized an event: its new times.
  onReschedule: (event: EventDto, times: Pick<EventDto, "startsAt" | "endsAt">) => void;
}

// Where a popover for the days or hours drawn by `elements` opens: by the box around them.
export function anchorOver(elements: Element[], returnFocus: HTMLElement | null): Anchor {
  const boxes = elements.map((element) => element.getBoundingClientRect());
  return { box: { top: Math.min(...boxes.map((box) => box.top)), bottom: Math.max(...boxes.map((box) => box.bottom)), left: Math.min(...boxes.map((box) => box.left)) }, returnFocus };
}

// One thing drawn as a bar over days: an event, or a todo or bucket item on its date.
export type BarItem = { kind: "event"; event: EventDto } | { kind: "todo"; todo: TodoDto } | { kind: "bucket"; item: BucketItemDto };

// The bars of a row of days: its events over their dates, then each day's todos and bucket items.
export function rowItems(row: string[], events: EventDto[], itemsOn: GridProps["itemsOn"], timeZone: string): { item: BarItem; first: string; last: string }[] {
  const markers = row.flatMap((date) => {
    const { todos, bucket } = itemsOn(date);
    return [...todos.map((todo): BarItem => ({ kind: "todo", todo })), ...bucket.map((item): BarItem => ({ kind: "bucket", item }))].map((item) => ({ item, first: date, last: date }));
  });
  return [...events.map((event) => ({ item: { kind: "event", event } satisfies BarItem, ...eventDates(event, timeZone) })), ...markers];
}

// An event's words on a bar: its start where the bar begins with it, its end ("~09:00") where a
// timed event of several days ends on it.
export function barLabel(event: EventDto, bar: Pick<Bar<unknown>, "opens" | "closes">, firstDate: string, lastDate: string, timeZone: string): { before: string; after: string } {
  const before = bar.opens ? timeLabelOn(event, firstDate, timeZone) : "";
  const end = bar.closes ? timeLabelOn(event, lastDate, timeZone) : "";
  return { before, after: end.startsWith("~") ? end : "" };
}

// Occurrences of one series share its id: each is keyed by its original start too.
export function eventKey(event: EventDto): string {
  return `${event.id}|${event.occurrenceStart ?? ""}`;
}

export const itemKey = (item: BarItem) => (item.kind === "event" ? `event-${eventKey(item.event)}` : item.kind === "todo" ? `todo-${item.todo.id}` : `bucket-${item.item.id}`);

// Where a bar starting in a cell is drawn: `top` down the cell, reaching over `span` cells, each the
// cell's width plus its 1px border.
export function barStyle(top: string, span: number): CSSProperties {
  return { top, left: "0.25rem", width: `calc(${span} * (100% + 1px) - 1px - 0.5rem)` };
}

// Keys that move a focused event without a mouse, as dragging does: a day either way, a week up or down.
export const MOVE_KEYS = "Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown";

export function keyedMove(key: string, altKey: boolean): number | null {
  if (!altKey) return null;
  return { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[key] ?? null;
}

// A bar drawn over its days of a row, positioned by the grid (style); `compact` bars are the thin
// coloured lines phones show, their words kept for screen readers. An event's bar can be dragged to
// another day (`onGrab` says which of its days was taken hold of) or moved with MOVE_KEYS.
export function BarButton({
  t,
  bar,
  row,
  timeZone,
  style,
  compact,
  onOpen,
  onGrab,
  onReschedule,
}: {
  t: Sections<"planner">;
  bar: Bar<BarItem>;
  row: string[];
  timeZone: string;
  style: CSSProperties;
  compact: boolean;
  onOpen: GridProps["onOpen"];
  onGrab: (event: EventDto, date: string) => void;
  onReschedule: GridProps["onReschedule"];
}) {
  const shape = `${bar.opens ? "rounded-l" : ""} ${bar.closes ? "rounded-r" : ""}`;
  const words = compact ? "sr-only sm:not-sr-only" : "";
  const base = `absolute z-10 overflow-hidden border text-xs font-medium ${compact ? "h-1.5 sm:h-5" : "h-5"} ${shape}`;
  const content = "block size-full truncate px-1.5 text-left leading-[1.125rem]";
  const { item } = bar;
  if (item.kind === "event") {
    const { event } = item;
    const first = row[bar.start] ?? "";
    const last = row[bar.start + bar.span - 1] ?? first;
    const { before, after } = barLabel(event, bar, first, last, timeZone);
    return (
      <li
        style={style}
        draggable
        onDragStart={(drag) => {
          const box = drag.currentTarget.getBoundingClientRect();
          const column = Math.min(bar.span - 1, Math.max(0, Math.floor(((drag.clientX - box.left) / box.width) * bar.span)));
          drag.dataTransfer.effectAllowed = "move";
          drag.dataTransfer.setData("text/plain", event.title);
          onGrab(event, row[bar.start + column] ?? first);
        }}
        className={`${base} cursor-grab ${COLOR_CLASSES[event.color].chip} ${compact ? COLOR_CLASSES[event.color].line : ""}`}
      >
        <button
          type="button"
          aria-keyshortcuts={MOVE_KEYS}
          onClick={() => onOpen({ kind: "edit", event })}
          onKeyDown={(key) => {
            const days = keyedMove(key.key, key.altKey);
            if (days === null) return;
            key.preventDefault();
            onReschedule(event, movedBy(event, days, 0, timeZone));
          }}
          className={content}
        >
          <span className={words}>
            {before ? `${before} ` : ""}
            {event.title}
            {after ? ` ${after}` : ""}
          </span>
        </button>
      </li>
    );
  }
  if (item.kind === "todo")
    return (
      <li style={style} className={`${base} border-dashed border-slate-400 bg-white text-slate-800 ${item.todo.completed ? "line-through" : ""}`}>
        <span className={`${content} ${words}`}>
          <span className="font-semibold">{t.planner.todoBadge}</span> {item.todo.title}
        </span>
      </li>
    );
  return (
    <li style={style} className={`${base} border-amber-400 bg-amber-50 text-amber-900`}>
      <span className={`${content} ${words}`}>
        <span className="font-semibold">★ {t.planner.bucketBadge}</span> {item.item.title}
      </span>
    </li>
  );
}

// One line of a day's list (phones): the event's time as that day sees it ("~09:00" on the day an
// overnight event ends).
export function EventLine({ event, date, timeZone, onOpen }: { event: EventDto; date: string; timeZone: string; onOpen: GridProps["onOpen"] }) {
  const time = timeLabelOn(event, date, timeZone);
  return (
    <li>
      <button type="button" onClick={() => onOpen({ kind: "edit", event })} className={`w-full rounded border px-1.5 py-0.5 text-left text-xs font-medium ${COLOR_CLASSES[event.color].chip}`}>
        {time ? `${time} ` : ""}
        {event.title}
      </button>
    </li>
  );
}

// A day's todos and bucket items, as list items.
export function dayMarkers(t: Sections<"planner">, items: DayItems): ReactElement[] {
  return [
    ...items.todos.map((todo) => (
      <li key={`todo-${todo.id}`} className={`rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs text-slate-800 ${todo.completed ? "line-through" : ""}`}>
        <span className="font-semibold">{t.planner.todoBadge}</span> {todo.title}
      </li>
    )),
    ...items.bucket.map((item) => (
      <li key={`bucket-${item.id}`} className="rounded border border-amber-400 bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">
        <span className="font-semibold">★ {t.planner.bucketBadge}</span> {item.title}
      </li>
    )),
  ];
}
