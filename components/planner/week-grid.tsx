"use client";
import { useEffect, useRef, useState } from "react";
import { anchorOver, BarButton, barStyle, eventKey, itemKey, keyedMove, MOVE_KEYS, rowItems, type GridProps } from "@/components/planner/calendar-items";
import { COLOR_CLASSES } from "@/components/planner/colors";
import { dayToneClass, HolidayName } from "@/components/planner/day-tone";
import { hourFields, newEventFields } from "@/components/planner/event-form";
import { useCreateDrag } from "@/components/planner/use-create-drag";
import { format } from "@/lib/i18n/dictionaries";
import { barsInRow, blocksOn, clockTime, daysBetween, isLong, minutesOf, movedBy, resizedTo, selectedTimes, selectionOn, timeLabelOn, type WallTime } from "@/lib/planner/calendar-layout";
import { formatDate, instantToZoned } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

const HOURS = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`);
// One hour's height; the view opens scrolled to the working morning.
const HOUR_REM = 3;
const MORNING_HOUR = 8;
const LANE_REM = 1.375;

const percentOfDay = (minutes: number) => `${(minutes / (24 * 60)) * 100}%`;
// Keys for a focused block in the hours: Alt+Shift+Up/Down shortens or lengthens it by a quarter-hour.
const WEEK_KEYS = `${MOVE_KEYS} Alt+Shift+ArrowUp Alt+Shift+ArrowDown`;

// Where on a day's column a pointer is, in minutes from midnight.
function minutesAt(column: Element, clientY: number): number {
  const box = column.getBoundingClientRect();
  return Math.min(24 * 60, Math.max(0, ((clientY - box.top) / box.height) * 24 * 60));
}

// The day and minute of the week's hours under a point of the window.
function wallTimeAt(x: number, y: number): WallTime | null {
  const column = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-column]");
  const date = column?.dataset.column;
  return column && date ? { date, minutes: minutesAt(column, y) } : null;
}

// A drag's selection over one day's hours, as a translucent block; the first part says its times.
function SelectionPart({ selection, date }: { selection: { start: WallTime; end: WallTime }; date: string }) {
  const part = selectionOn(selection, date);
  if (!part) return null;
  return (
    <div
      aria-hidden
      data-selection
      style={{ top: percentOfDay(part.top), height: percentOfDay(part.bottom - part.top) }}
      className="pointer-events-none absolute inset-x-0 z-20 rounded border border-teal-700 bg-teal-500/30 px-1 text-xs font-semibold text-teal-950"
    >
      {date === selection.start.date ? `${clockTime(selection.start.minutes)} – ${clockTime(selection.end.minutes)}` : null}
    </div>
  );
}

// Where "now" is on the wall clock, known only once the page runs in the browser (the server's
// minute would not match the browser's by the time it hydrates), moved on every minute.
function useNow(timeZone: string): { date: string; minutes: number } | null {
  const [now, setNow] = useState<{ date: string; minutes: number } | null>(null);
  useEffect(() => {
    const tick = () => {
      const { date, time } = instantToZoned(new Date(), timeZone);
      setNow({ date, minutes: minutesOf(time) });
    };
    tick();
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  return now;
}

// One week by the hour: all-day events and those of a day or more as bars in the top row; timed
// events as blocks as tall as they last, side by side where they overlap, split at midnight. A block
// is dragged to another hour or day, and its lower edge to another end. A click on an hour, or a drag
// down the hours (and over to other days), starts a new event there.
export function WeekGrid({ t, locale, days, today, timeZone, events, itemsOn, holidayOn, onOpen, onCreate, onReschedule }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const grid = useRef<HTMLDivElement>(null);
  // What is being dragged: an event, and the day and minute of it taken hold of.
  const grabbed = useRef<{ event: EventDto; date: string; minutes: number } | null>(null);
  // A lower edge being dragged: the event and where its end is now, drawn before it is saved.
  const [stretching, setStretching] = useState<{ id: string; date: string; minutes: number } | null>(null);
  const drop = (date: string, minutes: number) => {
    const held = grabbed.current;
    grabbed.current = null;
    if (!held) return;
    const shift = daysBetween(held.date, date) * 24 * 60 + Math.floor(minutes / 60) * 60 - Math.floor(held.minutes / 60) * 60;
    if (shift !== 0) onReschedule(held.event, movedBy(held.event, 0, shift, timeZone));
  };
  // Shown by the selection as it was drawn; Esc gives focus back to the hour it starts in.
  const drag = useCreateDrag(grid, wallTimeAt, (from, to) => {
    const { start, end } = selectedTimes(from, to);
    const hour = `${clockTime(start.minutes).slice(0, 2)}:00`;
    const returnFocus = grid.current?.querySelector<HTMLElement>(`[data-column="${start.date}"] [data-hour="${hour}"]`) ?? null;
    onCreate({
      fields: newEventFields({ startDate: start.date, startTime: clockTime(start.minutes), endDate: end.date, endTime: clockTime(end.minutes) }),
      anchor: anchorOver([...(grid.current?.querySelectorAll("[data-selection]") ?? [])], returnFocus),
    });
  });
  const selection = drag.selection && selectedTimes(drag.selection.from, drag.selection.to);
  const now = useNow(timeZone);
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollTop = Math.round(MORNING_HOUR * HOUR_REM * Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
  }, []);
  const bars = barsInRow(rowItems(days, events.filter(isLong), itemsOn, timeZone), days);
  const lanes = Math.max(1, ...bars.map((bar) => bar.lane + 1));
  return (
    <div ref={scroller} className="max-h-[70vh] overflow-auto rounded-xl border border-slate-200 bg-white">
      <div
        ref={grid}
        {...drag.handlers}
        id="calendar-grid"
        tabIndex={-1}
        role="grid"
        aria-label={t.dashboard.calendar}
        className="grid min-w-[44rem] grid-cols-[3.5rem_repeat(7,minmax(0,1fr))] select-none [-webkit-touch-callout:none]"
      >
        <div role="row" className="contents">
          <div role="columnheader" className="sticky top-0 z-30 border-b border-slate-200 bg-slate-100" />
          {days.map((date) => {
            const holiday = holidayOn(date);
            return (
              <div
                key={date}
                role="columnheader"
                aria-current={date === today ? "date" : undefined}
                className={`sticky top-0 z-30 flex min-w-0 flex-col items-center border-b border-l border-slate-200 px-1 py-2 text-center text-sm font-semibold ${date === today ? "bg-teal-700 text-white" : `bg-slate-100 ${dayToneClass(date, holiday) ?? "text-slate-700"}`}`}
              >
                {formatDate(date, locale, { weekday: "short", day: "numeric" })}
                <HolidayName name={holiday} className={`max-w-full ${date === today ? "text-white" : "text-red-700"}`} />
              </div>
            );
          })}
        </div>
        <div role="row" className="contents">
          <div role="rowheader" className="border-b border-slate-200 px-1 py-1 text-xs text-slate-600">
            {t.planner.allDay}
          </div>
          {days.map((date, column) => (
            <div
              key={date}
              role="gridcell"
              onDragOver={(drag) => {
                if (grabbed.current) drag.preventDefault();
              }}
              onDrop={(drag) => {
                drag.preventDefault();
                drop(date, grabbed.current?.minutes ?? 0);
              }}
              className="relative min-w-0 border-b border-l border-slate-200 p-1"
            >
              <div aria-hidden style={{ height: `${lanes * LANE_REM}rem` }} />
              <ul>
                {bars
                  .filter((bar) => bar.start === column)
                  .map((bar) => (
                    <BarButton
                      key={itemKey(bar.item)}
                      t={t}
                      bar={bar}
                      row={days}
                      timeZone={timeZone}
                      style={barStyle(`calc(0.25rem + ${bar.lane * LANE_REM}rem)`, bar.span)}
                      compact={false}
                      onOpen={onOpen}
                      onGrab={(event, date) => (grabbed.current = { event, date, minutes: 0 })}
                      onReschedule={onReschedule}
                    />
                  ))}
              </ul>
            </div>
          ))}
        </div>
        <div role="row" className="contents">
          <div role="rowheader" className="flex flex-col">
            {HOURS.map((hour) => (
              <div key={hour} style={{ height: `${HOUR_REM}rem` }} className="border-b border-slate-100 px-1 py-1 text-right text-xs text-slate-600">
                {hour}
              </div>
            ))}
          </div>
          {days.map((date) => (
            <div key={date} role="gridcell" data-column={date} className="relative min-w-0 border-l border-slate-100">
              {HOURS.map((hour) => (
                <button
                  key={hour}
                  type="button"
                  data-hour={hour}
                  onDragOver={(drag) => {
                    if (grabbed.current) drag.preventDefault();
                  }}
                  onDrop={(drag) => {
                    drag.preventDefault();
                    drop(date, minutesOf(hour));
                  }}
                  onClick={(click) => onCreate({ fields: hourFields(date, hour), anchor: anchorOver([click.currentTarget], click.currentTarget) })}
                  aria-label={format(t.planner.addEventAt, { date: formatDate(date, locale, { dateStyle: "medium" }), time: hour })}
                  style={{ height: `${HOUR_REM}rem` }}
                  className="block w-full border-b border-slate-100 hover:bg-teal-50 focus-visible:bg-teal-50"
                />
              ))}
              <ul>
                {blocksOn(events, date, timeZone).map((block) => {
                  const event = block.item;
                  const time = timeLabelOn(event, date, timeZone);
                  const bottom = stretching?.id === eventKey(event) && stretching.date === date ? stretching.minutes : block.bottom;
                  const endsHere = instantToZoned(new Date(event.endsAt), timeZone).date === date || bottom === 24 * 60;
                  return (
                    <li
                      key={eventKey(event)}
                      draggable
                      onDragStart={(drag) => {
                        const column = drag.currentTarget.closest('[role="gridcell"]');
                        drag.dataTransfer.effectAllowed = "move";
                        drag.dataTransfer.setData("text/plain", event.title);
                        grabbed.current = { event, date, minutes: column ? minutesAt(column, drag.clientY) : block.top };
                      }}
                      style={{
                        top: percentOfDay(block.top),
                        height: percentOfDay(Math.max(bottom - block.top, 15)),
                        left: `${(block.column / block.columns) * 100}%`,
                        width: `${100 / block.columns}%`,
                      }}
                      className="absolute z-10 cursor-grab p-px"
                    >
                      <button
                        type="button"
                        aria-keyshortcuts={WEEK_KEYS}
                        onClick={() => onOpen({ kind: "edit", event })}
                        onKeyDown={(key) => {
                          const step = key.key === "ArrowDown" ? 15 : key.key === "ArrowUp" ? -15 : 0;
                          if (key.altKey && key.shiftKey && step) {
                            key.preventDefault();
                            onReschedule(
                              event,
                              resizedTo(event, instantToZoned(new Date(event.endsAt), timeZone).date, minutesOf(instantToZoned(new Date(event.endsAt), timeZone).time) + step, timeZone),
                            );
                            return;
                          }
                          const days = keyedMove(key.key, key.altKey);
                          if (days === null) return;
                          key.preventDefault();
                          // Left and right move a day; up and down a quarter-hour, as the hours run down the page.
                          onReschedule(event, Math.abs(days) === 7 ? movedBy(event, 0, Math.sign(days) * 15, timeZone) : movedBy(event, days, 0, timeZone));
                        }}
                        className={`flex size-full flex-col overflow-hidden rounded border px-1 text-left text-xs leading-4 font-medium ${COLOR_CLASSES[event.color].chip}`}
                      >
                        <span className="break-words">
                          {time ? `${time} ` : ""}
                          {event.title}
                        </span>
                      </button>
                      {endsHere ? (
                        <div
                          aria-hidden
                          data-testid="resize-handle"
                          onPointerDown={(pointer) => {
                            pointer.preventDefault();
                            pointer.currentTarget.setPointerCapture(pointer.pointerId);
                            setStretching({ id: eventKey(event), date, minutes: bottom });
                          }}
                          onPointerMove={(pointer) => {
                            const column = pointer.currentTarget.closest('[role="gridcell"]');
                            if (stretching?.id === eventKey(event) && column)
                              setStretching({ id: eventKey(event), date, minutes: Math.max(block.top + 15, Math.round(minutesAt(column, pointer.clientY) / 15) * 15) });
                          }}
                          onPointerUp={() => {
                            if (stretching?.id === eventKey(event) && stretching.minutes !== block.bottom) onReschedule(event, resizedTo(event, date, stretching.minutes, timeZone));
                            setStretching(null);
                          }}
                          className="absolute inset-x-0 bottom-0 h-2 cursor-ns-resize"
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              {selection ? <SelectionPart selection={selection} date={date} /> : null}
              {now?.date === date ? (
                <div aria-hidden data-testid="now-line" style={{ top: percentOfDay(now.minutes) }} className="pointer-events-none absolute inset-x-0 z-20 border-t-2 border-red-600" />
              ) : null}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
