"use client";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { EventDialogTarget } from "@/components/planner/event-dialog";
import { COLOR_CLASSES } from "@/components/planner/colors";
import { useTimeZone } from "@/components/planner/use-time-zone";
import { api, NetworkError } from "@/lib/client/api";
import { format, type Dictionary } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";
import { addMonths, coversDate, monthGrid, viewRange, weekDays } from "@/lib/planner/calendar";
import type { CalendarMonth } from "@/lib/planner/calendar-month";
import { addDays, instantToZoned, todayIn } from "@/lib/planner/dates";
import type { BucketItemDto, EventDto, PlannerSettings, TodoDto } from "@/lib/planner/types";

// Loaded on the first click: the dialog's form checks (zod and the shared schemas) are most of what
// the calendar would otherwise download before it can be used.
const EventDialog = dynamic(() => import("@/components/planner/event-dialog").then((module) => module.EventDialog));

// Which events a view needs: its first and last day in a time zone.
const viewKey = (first: string, last: string, timeZone: string) => `${first}|${last}|${timeZone}`;

const VIEWS = ["month", "week"] as const;
type View = (typeof VIEWS)[number];
const HOURS = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`);
const MAX_CHIPS = 3;

interface DayItems {
  events: EventDto[];
  todos: TodoDto[];
  bucket: BucketItemDto[];
}

export function CalendarView({ t, locale, settings, pageZone, initial }: { t: Dictionary; locale: Locale; settings: PlannerSettings; pageZone: string; initial?: CalendarMonth }) {
  const timeZone = useTimeZone(settings.timeZone, pageZone);
  const today = todayIn(timeZone);
  const [view, setView] = useState<View>("month");
  const [cursor, setCursor] = useState(today);
  const [events, setEvents] = useState<EventDto[]>(initial?.events ?? []);
  const [todos, setTodos] = useState<TodoDto[]>(initial?.todos ?? []);
  const [bucket, setBucket] = useState<BucketItemDto[]>(initial?.bucket ?? []);
  const [loading, setLoading] = useState(!initial);
  // The view the server already read, if any: its first load is skipped.
  const preloaded = useRef(initial ? viewKey(initial.first, initial.last, initial.timeZone) : undefined);
  const [error, setError] = useState<"load" | "network" | null>(null);
  const [status, setStatus] = useState("");
  const [dialog, setDialog] = useState<EventDialogTarget | null>(null);

  const days = useMemo(() => (view === "month" ? monthGrid(cursor, settings.weekStartsOn) : weekDays(cursor, settings.weekStartsOn)), [view, cursor, settings.weekStartsOn]);
  const first = days[0] ?? cursor;
  const last = days.at(-1) ?? cursor;

  const loadEvents = useCallback(async () => {
    const { from, to } = viewRange([first, last], timeZone);
    const result = await api<{ events: EventDto[] }>(`/api/events?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
    if (result.ok) setEvents(result.data.events);
    else setError("load");
  }, [first, last, timeZone]);

  useEffect(() => {
    if (preloaded.current === viewKey(first, last, timeZone)) {
      preloaded.current = undefined;
      return;
    }
    setLoading(true);
    loadEvents()
      .catch((caught: unknown) => setError(caught instanceof NetworkError ? "network" : "load"))
      .finally(() => setLoading(false));
  }, [first, last, timeZone, loadEvents]);

  const itemsPreloaded = initial !== undefined;
  useEffect(() => {
    // Todos with a due date and bucket items with a target date belong on the calendar too.
    if (itemsPreloaded) return;
    void Promise.all([api<{ todos: TodoDto[] }>("/api/todos"), api<{ items: BucketItemDto[] }>("/api/bucket-items")])
      .then(([todoResult, bucketResult]) => {
        if (todoResult.ok) setTodos(todoResult.data.todos);
        if (bucketResult.ok) setBucket(bucketResult.data.items);
      })
      .catch((caught: unknown) => setError(caught instanceof NetworkError ? "network" : "load"));
  }, [itemsPreloaded]);

  const itemsOn = useCallback(
    (date: string): DayItems => ({
      events: events.filter((event) => coversDate(event, date, timeZone)),
      todos: todos.filter((todo) => todo.dueOn === date),
      bucket: bucket.filter((item) => item.targetOn === date),
    }),
    [events, todos, bucket, timeZone],
  );

  const dateLabel = (date: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
  const title =
    view === "month"
      ? dateLabel(cursor, { year: "numeric", month: "long" })
      : `${dateLabel(first, { month: "short", day: "numeric" })} – ${dateLabel(last, { month: "short", day: "numeric", year: "numeric" })}`;

  function move(direction: -1 | 1) {
    setCursor((current) => (view === "month" ? addMonths(current, direction) : addDays(current, 7 * direction)));
  }

  function onSaved(event: EventDto) {
    setEvents((current) => [...current.filter((existing) => existing.id !== event.id), event].sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
    setDialog(null);
    setStatus(t.planner.saved);
  }

  function onDeleted(id: string) {
    setEvents((current) => current.filter((existing) => existing.id !== id));
    setDialog(null);
    setStatus(t.planner.deleted);
  }

  function eventChip(event: EventDto, showTime: boolean) {
    const time = !event.allDay && showTime ? `${instantToZoned(new Date(event.startsAt), timeZone).time} ` : "";
    return (
      <li key={event.id}>
        <button
          type="button"
          onClick={() => setDialog({ kind: "edit", event })}
          className={`w-full truncate rounded border px-1.5 py-0.5 text-left text-xs font-medium ${COLOR_CLASSES[event.color].chip}`}
        >
          {time}
          {event.title}
        </button>
      </li>
    );
  }

  function markers(items: DayItems) {
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

  const weekdayNames = weekDays(cursor, settings.weekStartsOn).map((date) => dateLabel(date, { weekday: "short" }));

  return (
    <section className="flex flex-col gap-4" aria-busy={loading}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold" aria-live="polite">
          {title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <div className="flex overflow-hidden rounded-lg border border-slate-300 bg-white">
            <button type="button" onClick={() => move(-1)} className="px-3 py-2 text-sm font-semibold hover:bg-slate-100" aria-label={t.planner.previous}>
              ‹
            </button>
            <button type="button" onClick={() => setCursor(today)} className="border-x border-slate-300 px-3 py-2 text-sm font-semibold hover:bg-slate-100">
              {t.planner.today}
            </button>
            <button type="button" onClick={() => move(1)} className="px-3 py-2 text-sm font-semibold hover:bg-slate-100" aria-label={t.planner.next}>
              ›
            </button>
          </div>
          <SegmentedControl label={t.planner.view} options={VIEWS} value={view} labels={{ month: t.planner.month, week: t.planner.week }} onChange={setView} />
        </div>
      </div>
      {error ? <Alert>{error === "network" ? t.common.networkError : t.planner.loadFailed}</Alert> : null}
      <p role="status" className="sr-only">
        {status}
      </p>

      {view === "month" ? (
        <>
          <div role="grid" aria-label={t.dashboard.calendar} className="grid grid-cols-7 overflow-hidden rounded-xl border border-slate-200 bg-white">
            <div role="row" className="contents">
              {weekdayNames.map((name) => (
                <div key={name} role="columnheader" className="border-b border-slate-200 bg-slate-100 py-2 text-center text-xs font-semibold text-slate-700 sm:text-sm">
                  {name}
                </div>
              ))}
            </div>
            {Array.from({ length: days.length / 7 }, (_, week) => (
              <div role="row" key={week} className="contents">
                {days.slice(week * 7, week * 7 + 7).map((date) => {
                  const items = itemsOn(date);
                  const chips = [...items.events.map((event) => eventChip(event, true)), ...markers(items)];
                  const outside = date.slice(0, 7) !== cursor.slice(0, 7);
                  return (
                    <div
                      key={date}
                      role="gridcell"
                      aria-current={date === today ? "date" : undefined}
                      className={`flex min-h-20 min-w-0 flex-col gap-1 border-r border-b border-slate-100 p-1 sm:min-h-28 ${outside ? "bg-slate-50" : ""}`}
                    >
                      <button
                        type="button"
                        onClick={() => setDialog({ kind: "create", date })}
                        className={`flex size-7 items-center justify-center rounded-full text-sm hover:bg-teal-100 ${
                          date === today ? "bg-teal-700 font-bold text-white hover:bg-teal-800" : outside ? "text-slate-500" : "text-slate-800"
                        }`}
                      >
                        {/* The name starts with the number people see, so voice control finds it by that. */}
                        {Number(date.slice(8))}
                        <span className="sr-only">, {format(t.planner.addEventOn, { date: dateLabel(date, { dateStyle: "full" }) })}</span>
                      </button>
                      <ul className="flex min-w-0 flex-col gap-0.5">{chips.slice(0, MAX_CHIPS)}</ul>
                      {chips.length > MAX_CHIPS ? (
                        <button
                          type="button"
                          onClick={() => {
                            setCursor(date);
                            setView("week");
                          }}
                          className="text-left text-xs font-semibold text-teal-800 hover:underline"
                        >
                          {format(t.planner.more, { count: chips.length - MAX_CHIPS })}
                        </button>
                      ) : null}
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
          {/* Phones: the grid has room only for the start of each title, so the month is listed in full below it. */}
          <section aria-label={title} className="flex flex-col gap-3 sm:hidden">
            {days
              .filter((date) => date.slice(0, 7) === cursor.slice(0, 7))
              .map((date) => ({ date, items: itemsOn(date) }))
              .filter(({ items }) => items.events.length + items.todos.length + items.bucket.length > 0)
              .map(({ date, items }) => (
                <div key={date}>
                  <h2 className={`mb-1 text-sm font-semibold ${date === today ? "text-teal-800" : "text-slate-700"}`}>{dateLabel(date, { month: "long", day: "numeric", weekday: "short" })}</h2>
                  <ul className="flex flex-col gap-1">
                    {items.events.map((event) => eventChip(event, true))}
                    {markers(items)}
                  </ul>
                </div>
              ))}
          </section>
        </>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <div role="grid" aria-label={t.dashboard.calendar} className="grid min-w-[44rem] grid-cols-[3.5rem_repeat(7,minmax(0,1fr))]">
            <div role="row" className="contents">
              <div role="columnheader" className="border-b border-slate-200 bg-slate-100" />
              {days.map((date) => (
                <div
                  key={date}
                  role="columnheader"
                  aria-current={date === today ? "date" : undefined}
                  className={`border-b border-l border-slate-200 px-1 py-2 text-center text-sm font-semibold ${date === today ? "bg-teal-700 text-white" : "bg-slate-100 text-slate-700"}`}
                >
                  {dateLabel(date, { weekday: "short", day: "numeric" })}
                </div>
              ))}
            </div>
            <div role="row" className="contents">
              <div role="rowheader" className="border-b border-slate-200 px-1 py-1 text-xs text-slate-600">
                {t.planner.allDay}
              </div>
              {days.map((date) => {
                const items = itemsOn(date);
                return (
                  <div key={date} role="gridcell" className="min-w-0 border-b border-l border-slate-200 p-1">
                    <ul className="flex flex-col gap-0.5">
                      {items.events.filter((event) => event.allDay || instantToZoned(new Date(event.startsAt), timeZone).date !== date).map((event) => eventChip(event, false))}
                      {markers(items)}
                    </ul>
                  </div>
                );
              })}
            </div>
            {HOURS.map((hour) => (
              <div role="row" key={hour} className="contents">
                <div role="rowheader" className="border-b border-slate-100 px-1 py-1 text-right text-xs text-slate-600">
                  {hour}
                </div>
                {days.map((date) => {
                  const starting = events.filter((event) => {
                    if (event.allDay) return false;
                    const start = instantToZoned(new Date(event.startsAt), timeZone);
                    return start.date === date && start.time.slice(0, 2) === hour.slice(0, 2);
                  });
                  return (
                    <div key={date} role="gridcell" className="relative min-h-10 min-w-0 border-b border-l border-slate-100">
                      <button
                        type="button"
                        onClick={() => setDialog({ kind: "create", date, time: hour })}
                        aria-label={format(t.planner.addEventAt, { date: dateLabel(date, { dateStyle: "medium" }), time: hour })}
                        className="absolute inset-0 hover:bg-teal-50 focus-visible:bg-teal-50"
                      />
                      <ul className="relative flex flex-col gap-0.5 p-0.5">{starting.map((event) => eventChip(event, true))}</ul>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
      )}

      {dialog ? <EventDialog t={t} target={dialog} timeZone={timeZone} onSaved={onSaved} onDeleted={onDeleted} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
