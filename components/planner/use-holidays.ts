"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { api } from "@/lib/client/api";
import type { Locale } from "@/lib/i18n/locale";
import type { CalendarMonth } from "@/lib/planner/calendar-month";
import type { HolidayDto } from "@/lib/planner/types";

const viewKey = (first: string, last: string, locale: Locale) => `${first}|${last}|${locale}`;

// The public holidays of the days `first` to `last`, in the user's chosen country, named in the
// page's language: the day's names joined, or undefined. The first view's come with the page;
// another view, or the same one after the language changed, asks the server.
export function useHolidays(first: string, last: string, locale: Locale, initial?: CalendarMonth): (date: string) => string | undefined {
  const wanted = viewKey(first, last, locale);
  const preloaded = initial && viewKey(initial.first, initial.last, initial.locale) === wanted ? initial.holidays : undefined;
  const [fetched, setFetched] = useState<{ key: string; holidays: HolidayDto[] } | null>(null);
  const needsFetch = preloaded === undefined;

  useEffect(() => {
    if (!needsFetch) return;
    let current = true;
    api<{ holidays: HolidayDto[] }>(`/api/holidays?from=${first}&to=${last}`)
      .then((result) => {
        if (current && result.ok) setFetched({ key: wanted, holidays: result.data.holidays });
      })
      // The events of the same view are asked for at the same moment, and their failure is the one
      // the calendar reports; without holidays the days are still drawn.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [needsFetch, first, last, wanted]);

  const holidays = preloaded ?? (fetched?.key === wanted ? fetched.holidays : undefined);
  const byDate = useMemo(() => {
    const names = new Map<string, string>();
    for (const holiday of holidays ?? []) {
      const known = names.get(holiday.date);
      names.set(holiday.date, known ? `${known}, ${holiday.name}` : holiday.name);
    }
    return names;
  }, [holidays]);
  return useCallback((date: string) => byDate.get(date), [byDate]);
}
