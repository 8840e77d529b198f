// Korea's public holidays as the official gazette (월력요항) lists them, through
// @hyunbinseo/holidays-kr: the lunar ones, substitute days and one-off days (elections, temporary
// holidays) included, which no rule can compute. The package holds only the years whose gazette has
// appeared; a year outside them shows no Korean holidays rather than a computed guess (README,
// "Public holidays").
import * as presets from "@hyunbinseo/holidays-kr/all";
import { koreanHolidayName } from "@/lib/planner/holiday-names";

export interface Holiday {
  date: string;
  name: string;
}

// Every year's list, read statically: the package's own loader imports each year on demand, which
// would make every caller async for data this small.
const BY_YEAR = new Map<string, Readonly<Record<string, readonly string[]>>>(
  Object.entries(presets)
    .filter(([name]) => /^y\d{4}$/.test(name))
    .map(([name, preset]) => [name.slice(1), preset]),
);

export const KOREAN_HOLIDAY_YEARS = [...BY_YEAR.keys()].sort();

// The holidays from `first` to `last` (dates, both included), one entry per name: a day can be two
// holidays at once (2025-05-05 was 어린이날 and 부처님 오신 날).
export function koreanHolidaysBetween(first: string, last: string, locale: string): Holiday[] {
  const holidays: Holiday[] = [];
  for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++) {
    for (const [date, names] of Object.entries(BY_YEAR.get(String(year)) ?? {})) {
      if (date < first || date > last) continue;
      for (const name of names) holidays.push({ date, name: koreanHolidayName(name, locale) });
    }
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
