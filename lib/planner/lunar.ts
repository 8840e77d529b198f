// Korean lunar dates (음력) by KASI's tables, as Korean calendars and 설날/추석 follow them; they differ
// from the Chinese calendar on a few dates. The tables cover lunar 1000-01-01 to 2050-11-18: outside
// them there is no answer (null), and a lunar series simply has no occurrences there.
import KoreanLunarCalendar from "korean-lunar-calendar";

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  // A leap month (윤달), which follows the regular month of the same number in some years.
  leap: boolean;
}

// One converter for every call: it caches its year tables, and each call sets then reads it at once.
const calendar = new KoreanLunarCalendar();

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

// The lunar date of a Gregorian "YYYY-MM-DD".
export function toLunar(date: string): LunarDate | null {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  if (!calendar.setSolarDate(year, month, day)) return null;
  const lunar = calendar.getLunarCalendar();
  return { year: lunar.year, month: lunar.month, day: lunar.day, leap: lunar.intercalation === true };
}

function exactSolar(year: number, month: number, day: number, leap: boolean): string | null {
  if (!calendar.setLunarDate(year, month, day, leap)) return null;
  const solar = calendar.getSolarCalendar();
  return `${solar.year}-${pad(solar.month)}-${pad(solar.day)}`;
}

// The Gregorian date of lunar month/day in lunar `year`. A date the year lacks falls back, as Korean
// families keep such birthdays and memorial days: the 30th of a 29-day month to its 29th, a leap
// month to the regular month of the same number (RFC 7529's SKIP=BACKWARD says the same).
export function fromLunar(year: number, month: number, day: number, leap: boolean): string | null {
  const candidates: [number, boolean][] = [
    [day, leap],
    [29, leap],
    [day, false],
    [29, false],
  ];
  for (const [candidateDay, candidateLeap] of candidates) {
    if (candidateDay > day || (candidateLeap && !leap)) continue;
    const solar = exactSolar(year, month, candidateDay, candidateLeap);
    if (solar) return solar;
  }
  return null;
}
