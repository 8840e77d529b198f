"use client";
import { dayMarkers, EventChip, eventKey, type GridProps } from "@/components/planner/calendar-items";
import { format } from "@/lib/i18n/dictionaries";
import { formatDate, instantToZoned } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

const HOURS = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`);

// One week by the hour: all-day events (and those that began on an earlier day) in the top row,
// each timed event in the hour it starts.
export function WeekGrid({ t, locale, days, today, timeZone, itemsOn, onOpen, events }: GridProps & { events: EventDto[] }) {
  return (
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
              {formatDate(date, locale, { weekday: "short", day: "numeric" })}
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
                  {items.events
                    .filter((event) => event.allDay || instantToZoned(new Date(event.startsAt), timeZone).date !== date)
                    .map((event) => (
                      <EventChip key={eventKey(event)} event={event} timeZone={timeZone} showTime={false} onOpen={onOpen} />
                    ))}
                  {dayMarkers(t, items)}
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
                    onClick={() => onOpen({ kind: "create", date, time: hour })}
                    aria-label={format(t.planner.addEventAt, { date: formatDate(date, locale, { dateStyle: "medium" }), time: hour })}
                    className="absolute inset-0 hover:bg-teal-50 focus-visible:bg-teal-50"
                  />
                  <ul className="relative flex flex-col gap-0.5 p-0.5">
                    {starting.map((event) => (
                      <EventChip key={eventKey(event)} event={event} timeZone={timeZone} showTime onOpen={onOpen} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
