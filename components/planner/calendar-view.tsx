"use client";
import { useSearchParams } from "next/navigation";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { WeekGridSkeleton } from "@/components/layout/page-skeletons";
import { useShortcuts } from "@/components/layout/use-shortcuts";
import { eventKey, type DayItems } from "@/components/planner/calendar-items";
import type { EventDialogTarget } from "@/components/planner/event-dialog";
import { hourFields } from "@/components/planner/event-form";
import { MonthGrid } from "@/components/planner/month-grid";
import type { QuickAddTarget } from "@/components/planner/quick-add";
import { useHolidays } from "@/components/planner/use-holidays";
import { useUndoableDelete } from "@/components/planner/use-undoable-delete";
import { useTimeZone } from "@/components/planner/use-time-zone";
import { api, NetworkError } from "@/lib/client/api";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";
import { addMonths, calendarPlace, CALENDAR_VIEWS, coversDate, viewDays, viewRange, type CalendarView as View } from "@/lib/planner/calendar";
import type { CalendarMonth } from "@/lib/planner/calendar-month";
import { addDays, formatDate, todayIn } from "@/lib/planner/dates";
import type { BucketItemDto, EditScope, EventDto, PlannerSettings, TodoDto } from "@/lib/planner/types";

// Loaded on the first click: the dialog's form checks (zod and the shared schemas) are most of what
// the calendar would otherwise download before it can be used. Each waits in a Suspense boundary of
// its own that shows nothing: without one it would suspend the whole page into
// app/dashboard/loading.tsx, blanking the calendar for a moment and dropping the focus of the day
// that was clicked. React's lazy rather than next/dynamic, whose server-side chunk preloading ships
// Next's async-storage modules to the browser with it.
const EventDialog = lazy(() => import("@/components/planner/event-dialog").then((module) => ({ default: module.EventDialog })));
// The popover a click or a drag in a day opens loads the same way, for the same reason.
const QuickAdd = lazy(() => import("@/components/planner/quick-add").then((module) => ({ default: module.QuickAdd })));

// The week's grid is fetched when a week is first shown, or once the page has nothing else to do: the
// month a visit opens on does not wait for it, and the week button or "w" finds it loaded. Until it
// arrives its skeleton holds the grid's place.
const loadWeekGrid = () => import("@/components/planner/week-grid").then((module) => ({ default: module.WeekGrid }));
const WeekGrid = lazy(loadWeekGrid);

// Which events a view needs: its first and last day in a time zone.
const viewKey = (first: string, last: string, timeZone: string) => `${first}|${last}|${timeZone}`;

// The view and date live in the URL (?view=week&date=2026-12-14): a reload, Back and a shared link
// keep them. The page reads the same place on the server (app/dashboard/page.tsx).
function showPlace(view: View, date: string | null) {
  const url = new URL(window.location.href);
  if (view === "month") url.searchParams.delete("view");
  else url.searchParams.set("view", view);
  if (date) url.searchParams.set("date", date);
  else url.searchParams.delete("date");
  window.history.pushState(null, "", url);
}

export function CalendarView({
  t,
  locale,
  settings,
  pageZone,
  initial,
}: {
  t: Sections<"apiErrors" | "common" | "dashboard" | "planner" | "validation">;
  locale: Locale;
  settings: PlannerSettings;
  pageZone: string;
  initial?: CalendarMonth;
}) {
  const timeZone = useTimeZone(settings.timeZone, pageZone);
  const today = todayIn(timeZone);
  const params = useSearchParams();
  const place = calendarPlace(params.get("view"), params.get("date"));
  const view = place.view;
  const cursor = place.date ?? today;
  const [events, setEvents] = useState<EventDto[]>(initial?.events ?? []);
  const [todos, setTodos] = useState<TodoDto[]>(initial?.todos ?? []);
  const [bucket, setBucket] = useState<BucketItemDto[]>(initial?.bucket ?? []);
  const [loading, setLoading] = useState(!initial);
  // The view the server already read, if any: its first load is skipped.
  const preloaded = useRef(initial ? viewKey(initial.first, initial.last, initial.timeZone) : undefined);
  const [error, setError] = useState<"load" | "network" | "save" | null>(null);
  const [status, setStatus] = useState("");
  const [dialog, setDialog] = useState<EventDialogTarget | null>(null);
  const [quickAdd, setQuickAdd] = useState<QuickAddTarget | null>(null);

  const days = useMemo(() => viewDays(view, cursor, settings.weekStartsOn), [view, cursor, settings.weekStartsOn]);
  const first = days[0] ?? cursor;
  const last = days.at(-1) ?? cursor;
  const holidayOn = useHolidays(first, last, locale, initial);

  // Only the latest request's answer is drawn: clicking 이전/다음 quickly, an earlier month's slow
  // answer would otherwise land on the month now shown.
  const latestLoad = useRef(0);
  const loadEvents = useCallback(async () => {
    const { from, to } = viewRange([first, last], timeZone);
    const load = ++latestLoad.current;
    const result = await api<{ events: EventDto[] }>(`/api/events?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`);
    if (load !== latestLoad.current) return;
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

  useEffect(() => {
    // Safari has no requestIdleCallback: there the grid comes a moment after the page instead.
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(() => void loadWeekGrid(), 2000);
      return () => window.clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(() => void loadWeekGrid());
    return () => window.cancelIdleCallback(idle);
  }, []);

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

  const title =
    view === "month"
      ? formatDate(cursor, locale, { year: "numeric", month: "long" })
      : `${formatDate(first, locale, { month: "short", day: "numeric" })} – ${formatDate(last, locale, { month: "short", day: "numeric", year: "numeric" })}`;

  // The place last asked for, until the router has drawn it. Keys (and clicks) can come faster than
  // it redraws, and meanwhile it writes each older place back into the URL: neither this render nor
  // the URL would say where a second quick "n" starts from. Back and Forward drop it.
  const asked = useRef<{ view: View; date: string | null } | null>(null);
  useEffect(() => {
    if (asked.current?.view === place.view && asked.current.date === place.date) asked.current = null;
  }, [place.view, place.date]);
  useEffect(() => {
    const forget = () => (asked.current = null);
    window.addEventListener("popstate", forget);
    return () => window.removeEventListener("popstate", forget);
  }, []);
  const latest = () => asked.current ?? place;
  function go(next: View, date: string | null) {
    const current = latest();
    if (current.view === next && current.date === date) return;
    asked.current = { view: next, date };
    showPlace(next, date);
  }
  function move(direction: -1 | 1) {
    const current = latest();
    const date = current.date ?? today;
    go(current.view, current.view === "month" ? addMonths(date, direction) : addDays(date, 7 * direction));
  }

  // The calendar's keys (components/layout/use-shortcuts.ts), each what a button here does. "c" opens
  // the full dialog rather than the popover, which hangs from a place clicked: on the day (and in the
  // week, the hour) that has the focus, else on the day asked for, else today.
  useShortcuts({
    create: () => {
      const focused = document.activeElement;
      const day = focused?.closest<HTMLElement>("[data-date], [data-column]")?.dataset;
      const hour = focused instanceof HTMLElement ? focused.dataset.hour : undefined;
      setDialog({ kind: "create", fields: hourFields(day?.date ?? day?.column ?? latest().date ?? today, hour) });
    },
    today: () => go(latest().view, null),
    month: () => go("month", latest().date),
    week: () => go("week", latest().date),
    next: () => move(1),
    previous: () => move(-1),
  });

  // A change to a repeating event can move, add or remove any of its occurrences: the view is read again.
  const isSeries = (event: EventDto) => event.seriesId !== null || (dialog?.kind === "edit" && dialog.event.seriesId !== null);
  const reload = () => void loadEvents().catch((caught: unknown) => setError(caught instanceof NetworkError ? "network" : "load"));

  function onSaved(event: EventDto) {
    if (isSeries(event)) reload();
    else setEvents((current) => [...current.filter((existing) => existing.id !== event.id), event].sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
    setDialog(null);
    setQuickAdd(null);
    setStatus(t.planner.saved);
  }

  // A drag or a key moved an event: drawn there at once, saved, and undoable from the bar below the
  // title; put back if the server refuses. An occurrence of a series moves alone (scope "this"), and
  // becomes a row of its own, which is what an undo then moves back.
  const [moved, setMoved] = useState<{ event: EventDto; back: Pick<EventDto, "startsAt" | "endsAt"> } | null>(null);
  async function onReschedule(event: EventDto, times: Pick<EventDto, "startsAt" | "endsAt">, undoing = false) {
    const place = (next: EventDto) => setEvents((current) => current.map((existing) => (eventKey(existing) === eventKey(event) ? next : existing)));
    place({ ...event, ...times });
    setMoved(null);
    const occurrence = event.seriesId && event.seriesId === event.id ? { scope: "this", occurrenceStart: event.occurrenceStart } : {};
    const result = await api<{ event: EventDto }>(`/api/events/${event.id}`, { method: "PATCH", json: { ...times, ...occurrence } }).catch(() => null);
    if (!result?.ok) {
      place(event);
      setError("save");
      return;
    }
    if (event.seriesId) reload();
    else place(result.data.event);
    setError(null);
    setStatus(t.planner.moved);
    if (!undoing) setMoved({ event: result.data.event, back: { startsAt: event.startsAt, endsAt: event.endsAt } });
  }

  // A deletion leaves the view at once and is sent when its undo toast goes; an undone or refused
  // one comes back (a series' occurrences by reading the view again).
  const deletion = useUndoableDelete<{ event: EventDto; scope?: EditScope }>({
    key: ({ event, scope }) => `${eventKey(event)}|${scope ?? ""}`,
    // A whole row goes only for a one-off event or a whole series.
    rowId: ({ event, scope }) => (event.seriesId === null ? event.id : scope === "all" ? event.seriesId : null),
    message: ({ event }) => format(t.planner.deletedNamed, { title: event.title }),
    undoLabel: t.planner.undo,
    failed: ({ event }) => format(t.planner.deleteFailed, { title: event.title }),
    async commit({ event, scope }) {
      const query = scope ? `?scope=${scope}&occurrenceStart=${encodeURIComponent(event.occurrenceStart ?? "")}` : "";
      // keepalive: the deletion may be committed as the page unloads. Already gone is as good as deleted.
      const result = await api(`/api/events/${event.id}${query}`, { method: "DELETE", keepalive: true });
      if (!result.ok && result.status !== 404) return false;
      if (event.seriesId !== null) reload();
      return true;
    },
    restored: ({ event }) => {
      if (event.seriesId !== null) reload();
      else setEvents((current) => [...current.filter((existing) => existing.id !== event.id), event].sort((a, b) => a.startsAt.localeCompare(b.startsAt)));
    },
  });

  function onDeleted(event: EventDto, scope?: EditScope) {
    const from = event.occurrenceStart ?? event.startsAt;
    const goes = (existing: EventDto) =>
      event.seriesId === null || !scope
        ? existing.id === event.id
        : scope === "this"
          ? eventKey(existing) === eventKey(event)
          : existing.seriesId === event.seriesId && (scope === "all" || (existing.occurrenceStart ?? existing.startsAt) >= from);
    setEvents((current) => current.filter((existing) => !goes(existing)));
    setDialog(null);
    deletion.remove({ event, scope });
  }

  const grid = {
    t,
    locale,
    days,
    today,
    timeZone,
    events,
    itemsOn,
    holidayOn,
    onOpen: setDialog,
    onCreate: setQuickAdd,
    onReschedule: (event: EventDto, times: Pick<EventDto, "startsAt" | "endsAt">) => void onReschedule(event, times),
  };

  return (
    <section className="flex flex-col gap-4" aria-busy={loading}>
      <a href="#calendar-grid" className="sr-only rounded-lg bg-white px-3 py-2 font-semibold text-teal-800 focus:not-sr-only focus:self-start">
        {t.planner.skipToCalendar}
      </a>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold" aria-live="polite">
          {title}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <div className="flex overflow-hidden rounded-lg border border-slate-300 bg-white">
            <button type="button" onClick={() => move(-1)} className="px-3 py-2 text-sm font-semibold hover:bg-slate-100" aria-label={t.planner.previous}>
              ‹
            </button>
            <button type="button" onClick={() => go(latest().view, null)} className="border-x border-slate-300 px-3 py-2 text-sm font-semibold hover:bg-slate-100">
              {t.planner.today}
            </button>
            <button type="button" onClick={() => move(1)} className="px-3 py-2 text-sm font-semibold hover:bg-slate-100" aria-label={t.planner.next}>
              ›
            </button>
          </div>
          <SegmentedControl label={t.planner.view} options={CALENDAR_VIEWS} value={view} labels={{ month: t.planner.month, week: t.planner.week }} onChange={(next) => go(next, latest().date)} />
        </div>
      </div>
      {error ? <Alert>{error === "network" ? t.common.networkError : error === "save" ? t.planner.saveFailed : t.planner.loadFailed}</Alert> : null}
      {moved ? (
        <div className="flex items-center justify-between gap-3 rounded-lg bg-slate-900 px-4 py-2 text-sm text-white">
          <span>{t.planner.moved}</span>
          <button type="button" onClick={() => void onReschedule(moved.event, moved.back, true)} className="font-bold text-teal-300 underline">
            {t.planner.undo}
          </button>
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {status}
      </p>

      {view === "month" ? (
        <MonthGrid {...grid} cursor={cursor} title={title} onShowWeek={(date) => go("week", date)} />
      ) : (
        <Suspense fallback={<WeekGridSkeleton label={t.dashboard.loading} />}>
          <WeekGrid {...grid} />
        </Suspense>
      )}

      <Suspense fallback={null}>
        {quickAdd ? (
          <QuickAdd
            t={t}
            locale={locale}
            target={quickAdd}
            timeZone={timeZone}
            onSaved={onSaved}
            onMore={(fields) => {
              setQuickAdd(null);
              setDialog({ kind: "create", fields });
            }}
            onClose={() => setQuickAdd(null)}
          />
        ) : null}
      </Suspense>
      <Suspense fallback={null}>{dialog ? <EventDialog t={t} target={dialog} timeZone={timeZone} onSaved={onSaved} onDeleted={onDeleted} onClose={() => setDialog(null)} /> : null}</Suspense>
    </section>
  );
}
