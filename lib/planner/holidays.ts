import "server-only";
import Holidays from "date-holidays";
import type { Locale } from "@/lib/i18n/locale";
import { addDays } from "@/lib/planner/dates";
import { HOLIDAY_COUNTRIES, type HolidayCountry } from "@/lib/planner/holiday-countries";
import { koreanHolidaysBetween, type Holiday } from "@/lib/planner/korean-holidays";

export type { Holiday };

// One calculator per country, made on first use: reading a country's rules is the slow part.
const calculators = new Map<HolidayCountry, Holidays>();

function calculatorFor(country: HolidayCountry): Holidays {
  let calculator = calculators.get(country);
  if (!calculator) {
    calculator = new Holidays(country, { types: ["public"] });
    calculators.set(country, calculator);
  }
  return calculator;
}

// Public holidays only (not observances, bank or school holidays), in `locale` where date-holidays
// has the name in it and in the country's own language otherwise.
function computedHolidaysBetween(country: HolidayCountry, first: string, last: string, locale: Locale): Holiday[] {
  const holidays: Holiday[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (const holiday of calculatorFor(country).getHolidays(year, locale)) {
      if (holiday.type !== "public") continue;
      // `date` is the wall-clock start where the holiday is kept; a few last several days.
      const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let day = 0; day < days; day++) {
        const date = addDays(holiday.date.slice(0, 10), day);
        if (date >= first && date <= last) holidays.push({ date, name: holiday.name });
      }
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

// The public holidays of `country` from `firstDate` to `lastDate` (both included); none when the
// user has switched them off. Korea's come from the gazette, every other country's are computed.
export function holidaysBetween(country: HolidayCountry | null, firstDate: string, lastDate: string, locale: Locale): Holiday[] {
  if (!country) return [];
  return country === "KR" ? koreanHolidaysBetween(firstDate, lastDate, locale) : computedHolidaysBetween(country, firstDate, lastDate, locale);
}

// The settings form's choices: Korea first, then every other country by its name in `locale`.
export function holidayCountryOptions(locale: Locale): { code: HolidayCountry; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const options = HOLIDAY_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code }));
  const [korea] = options.filter((option) => option.code === "KR");
  const others = options.filter((option) => option.code !== "KR").sort((a, b) => a.name.localeCompare(b.name, locale));
  return korea ? [korea, ...others] : others;
}
