"use client";
import { useRef, type KeyboardEvent } from "react";
import { anchorOver, BarButton, barStyle, dayMarkers, EventLine, eventKey, itemKey, rowItems, type GridProps } from "@/components/planner/calendar-items";
import { hourFields, newEventFields, type EventFields } from "@/components/planner/event-form";
import { useCreateDrag } from "@/components/planner/use-create-drag";
import { dayToneClass, HolidayName } from "@/components/planner/day-tone";
import { format } from "@/lib/i18n/dictionaries";
import { barsInRow, daysBetween, movedBy } from "@/lib/planner/calendar-layout";
import { addDays, formatDate } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

// Lanes of bars a day shows before "+n more"; a lane's height is --lane (thin lines on phones).
const MAX_LANES = 3;

const DAY_KEYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

// Arrow keys move between the days of the grid, as in a date picker.
function moveFocus(key: KeyboardEvent<HTMLElement>) {
  const target = key.target;
  const step = DAY_KEYS[key.key];
  if (!(target instanceof HTMLElement) || !target.dataset.date || step === undefined || key.altKey) return;
  const next = key.currentTarget.querySelector<HTMLElement>(`[data-date="${addDays(target.dataset.date, step)}"]`);
  if (!next) return;
  key.preventDefault();
  next.focus();
}

// The day of the month grid under a point of the window.
const dayAt = (x: number, y: number) => document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-day]")?.dataset.day ?? null;

// The month around `cursor`, in whole weeks: events as bars over the days they cover, each one moved by
// dragging it to another day; a click on a day, or a drag over several, starts a new event there.
// Below the grid on phones the same month as a list.
export function MonthGrid({
  t,
  locale,
  days,
  today,
  timeZone,
  events,
  itemsOn,
  holidayOn,
  onOpen,
  onCreate,
  onReschedule,
  cursor,
  title,
  onShowWeek,
}: GridProps & { cursor: string; title: string; onShowWeek: (date: string) => void }) {
  const month = cursor.slice(0, 7);
  // The event being dragged and the day of it that was taken hold of.
  const grabbed = useRef<{ event: EventDto; date: string } | null>(null);
  const drop = (date: string) => {
    const held = grabbed.current;
    grabbed.current = null;
    const days = held ? daysBetween(held.date, date) : 0;
    if (held && days !== 0) onReschedule(held.event, movedBy(held.event, days, 0, timeZone));
  };
  const grid = useRef<HTMLDivElement>(null);
  // A new event over the days from `first` to `last`, shown by them; Esc gives focus back to the first.
  const createOver = (fields: EventFields, first: string, last: string) => {
    const cells = [first, last].flatMap((date) => grid.current?.querySelector(`[data-day="${date}"]`) ?? []);
    onCreate({ fields, anchor: anchorOver(cells, grid.current?.querySelector<HTMLElement>(`[data-date="${first}"]`) ?? null) });
  };
  // A drag over days is an all-day event over them; a click, an hour of the day.
  const drag = useCreateDrag(grid, dayAt, (from, to) => {
    const [first, last] = from <= to ? [from, to] : [to, from];
    createOver(newEventFields({ allDay: true, startDate: first, endDate: last }), first, last);
  });
  const selected = (date: string) => {
    if (!drag.selection) return false;
    const { from, to } = drag.selection;
    return from <= to ? from <= date && date <= to : to <= date && date <= from;
  };
  const weeks = Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
  return (
    <>
      <div
        id="calendar-grid"
        tabIndex={-1}
        role="grid"
        aria-label={t.dashboard.calendar}
        ref={grid}
        {...drag.handlers}
        onKeyDown={moveFocus}
        className="grid grid-cols-7 overflow-hidden rounded-xl border border-slate-200 bg-white select-none [--lane:0.5rem] [-webkit-touch-callout:none] sm:[--lane:1.375rem]"
      >
        <div role="row" className="contents">
          {days.slice(0, 7).map((date) => {
            const name = formatDate(date, locale, { weekday: "short" });
            return (
              <div
                key={name}
                role="columnheader"
                className={`border-b border-slate-200 bg-slate-100 py-2 text-center text-xs font-semibold sm:text-sm ${dayToneClass(date, undefined) ?? "text-slate-700"}`}
              >
                {name}
              </div>
            );
          })}
        </div>
        {weeks.map((row) => {
          const bars = barsInRow(rowItems(row, events, itemsOn, timeZone), row);
          const lanes = Math.min(MAX_LANES, Math.max(0, ...bars.map((bar) => bar.lane + 1)));
          const hiddenOn = (column: number) => bars.filter((bar) => bar.lane >= MAX_LANES && bar.start <= column && column < bar.start + bar.span).length;
          return (
            <div role="row" key={row[0]} className="contents">
              {row.map((date, column) => {
                const outside = date.slice(0, 7) !== month;
                const hidden = hiddenOn(column);
                const holiday = holidayOn(date);
                return (
                  <div
                    key={date}
                    role="gridcell"
                    data-day={date}
                    aria-current={date === today ? "date" : undefined}
                    // Anywhere in the day, as well as its number; what has a button of its own opens that.
                    onClick={(click) => {
                      if (!(click.target instanceof Element && click.target.closest("button"))) createOver(hourFields(date), date, date);
                    }}
                    onDragOver={(drag) => {
                      if (grabbed.current) drag.preventDefault();
                    }}
                    onDrop={(drag) => {
                      drag.preventDefault();
                      drop(date);
                    }}
                    className={`relative flex min-h-20 min-w-0 flex-col gap-1 border-r border-b border-slate-100 p-1 sm:min-h-28 ${selected(date) ? "bg-teal-100" : outside ? "bg-slate-50" : ""}`}
                  >
                    <button
                      type="button"
                      data-date={date}
                      onClick={() => createOver(hourFields(date), date, date)}
                      className={`flex size-7 items-center justify-center rounded-full text-sm hover:bg-teal-100 ${
                        date === today ? "bg-teal-700 font-bold text-white hover:bg-teal-800" : (dayToneClass(date, holiday) ?? (outside ? "text-slate-500" : "text-slate-800"))
                      }`}
                    >
                      {/* The name starts with the number people see, so voice control finds it by that. */}
                      {Number(date.slice(8))}
                      <span className="sr-only">, {format(t.planner.addEventOn, { date: formatDate(date, locale, { dateStyle: "full" }) })}</span>
                    </button>
                    {/* Beside the number, so the bars below start at the same height in every cell. A
                        phone's cell has room for a letter or two of it: there the list below names it. */}
                    {holiday ? (
                      <span className="absolute top-2.5 right-1 left-9 hidden sm:flex">
                        <HolidayName name={holiday} />
                      </span>
                    ) : null}
                    <div aria-hidden style={{ height: `calc(${lanes} * var(--lane))` }} className="shrink-0" />
                    <ul>
                      {bars
                        .filter((bar) => bar.start === column && bar.lane < MAX_LANES)
                        .map((bar) => (
                          <BarButton
                            key={itemKey(bar.item)}
                            t={t}
                            bar={bar}
                            row={row}
                            timeZone={timeZone}
                            style={barStyle(`calc(2.25rem + ${bar.lane} * var(--lane))`, bar.span)}
                            compact
                            onOpen={onOpen}
                            onGrab={(event, grabbedDate) => (grabbed.current = { event, date: grabbedDate })}
                            onReschedule={onReschedule}
                          />
                        ))}
                    </ul>
                    {hidden ? (
                      <button type="button" data-more onClick={() => onShowWeek(date)} className="text-left text-xs font-semibold text-teal-800 hover:underline">
                        {format(t.planner.more, { count: hidden })}
                      </button>
                    ) : null}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
      {/* Phones: the grid has room only for thin bars, so the month is listed in full below it. */}
      <section aria-label={title} className="flex flex-col gap-3 sm:hidden">
        {days
          .filter((date) => date.slice(0, 7) === month)
          .map((date) => ({ date, items: itemsOn(date), holiday: holidayOn(date) }))
          .filter(({ items, holiday }) => holiday || items.events.length + items.todos.length + items.bucket.length > 0)
          .map(({ date, items, holiday }) => (
            <div key={date}>
              <h2 className={`mb-1 text-sm font-semibold ${date === today ? "text-teal-800" : (dayToneClass(date, holiday) ?? "text-slate-700")}`}>
                {formatDate(date, locale, { month: "long", day: "numeric", weekday: "short" })}
                {holiday ? ` · ${holiday}` : null}
              </h2>
              <ul className="flex flex-col gap-1">
                {items.events.map((event) => (
                  <EventLine key={eventKey(event)} event={event} date={date} timeZone={timeZone} onOpen={onOpen} />
                ))}
                {dayMarkers(t, items)}
              </ul>
            </div>
          ))}
      </section>
    </>
  );
}
