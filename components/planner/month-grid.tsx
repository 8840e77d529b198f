"use client";
import { dayMarkers, EventChip, eventKey, type GridProps } from "@/components/planner/calendar-items";
import { format } from "@/lib/i18n/dictionaries";
import { formatDate } from "@/lib/planner/dates";
import type { EventDto } from "@/lib/planner/types";

const MAX_CHIPS = 3;

// The month around `cursor`, in whole weeks, and below it on phones the same month as a list.
export function MonthGrid({ t, locale, days, today, timeZone, itemsOn, onOpen, cursor, title, onShowWeek }: GridProps & { cursor: string; title: string; onShowWeek: (date: string) => void }) {
  const month = cursor.slice(0, 7);
  const chip = (event: EventDto) => <EventChip key={eventKey(event)} event={event} timeZone={timeZone} showTime onOpen={onOpen} />;
  return (
    <>
      <div role="grid" aria-label={t.dashboard.calendar} className="grid grid-cols-7 overflow-hidden rounded-xl border border-slate-200 bg-white">
        <div role="row" className="contents">
          {days.slice(0, 7).map((date) => {
            const name = formatDate(date, locale, { weekday: "short" });
            return (
              <div key={name} role="columnheader" className="border-b border-slate-200 bg-slate-100 py-2 text-center text-xs font-semibold text-slate-700 sm:text-sm">
                {name}
              </div>
            );
          })}
        </div>
        {Array.from({ length: days.length / 7 }, (_, week) => (
          <div role="row" key={week} className="contents">
            {days.slice(week * 7, week * 7 + 7).map((date) => {
              const items = itemsOn(date);
              const chips = [...items.events.map(chip), ...dayMarkers(t, items)];
              const outside = date.slice(0, 7) !== month;
              return (
                <div
                  key={date}
                  role="gridcell"
                  aria-current={date === today ? "date" : undefined}
                  className={`flex min-h-20 min-w-0 flex-col gap-1 border-r border-b border-slate-100 p-1 sm:min-h-28 ${outside ? "bg-slate-50" : ""}`}
                >
                  <button
                    type="button"
                    onClick={() => onOpen({ kind: "create", date })}
                    className={`flex size-7 items-center justify-center rounded-full text-sm hover:bg-teal-100 ${
                      date === today ? "bg-teal-700 font-bold text-white hover:bg-teal-800" : outside ? "text-slate-500" : "text-slate-800"
                    }`}
                  >
                    {/* The name starts with the number people see, so voice control finds it by that. */}
                    {Number(date.slice(8))}
                    <span className="sr-only">, {format(t.planner.addEventOn, { date: formatDate(date, locale, { dateStyle: "full" }) })}</span>
                  </button>
                  <ul className="flex min-w-0 flex-col gap-0.5">{chips.slice(0, MAX_CHIPS)}</ul>
                  {chips.length > MAX_CHIPS ? (
                    <button type="button" onClick={() => onShowWeek(date)} className="text-left text-xs font-semibold text-teal-800 hover:underline">
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
          .filter((date) => date.slice(0, 7) === month)
          .map((date) => ({ date, items: itemsOn(date) }))
          .filter(({ items }) => items.events.length + items.todos.length + items.bucket.length > 0)
          .map(({ date, items }) => (
            <div key={date}>
              <h2 className={`mb-1 text-sm font-semibold ${date === today ? "text-teal-800" : "text-slate-700"}`}>{formatDate(date, locale, { month: "long", day: "numeric", weekday: "short" })}</h2>
              <ul className="flex flex-col gap-1">
                {items.events.map(chip)}
                {dayMarkers(t, items)}
              </ul>
            </div>
          ))}
      </section>
    </>
  );
}
