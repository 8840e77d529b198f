// Calendar arithmetic shared by the API and the pages. A "date" is "YYYY-MM-DD"; an instant is UTC.

// The browser's own zone, written by every page (components/layout/time-zone-cookie.tsx) so that the
// server draws dates where the reader is, even before their account has a zone saved.
export const TIME_ZONE_COOKIE = "tz";
// Where neither the account nor the browser has said yet: TropiCal's users are mostly in Korea.
export const DEFAULT_TIME_ZONE = "Asia/Seoul";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length <= 64;
  } catch {
    return false;
  }
}

export function toDateString(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// Today's date where the user is: their saved zone, else the zone the pages use until one is saved.
export function todayIn(timeZone: string | null | undefined, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: timeZone ?? DEFAULT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

// A date in words in `locale`, read at UTC midnight so that it names the same day in every zone.
export function formatDate(date: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function addDays(date: string, days: number): string {
  return toDateString(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

// How far `timeZone` is ahead of UTC at `instant`, in minutes.
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(value("year"), value("month") - 1, value("day"), value("hour"), value("minute"), value("second"));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

// The instant at which the wall clock in `timeZone` reads `local` ("YYYY-MM-DDTHH:mm"). Two passes
// settle daylight-saving edges: the offset is read at the first guess, then at the corrected time.
export function zonedTimeToInstant(local: string, timeZone: string): Date {
  const wall = Date.parse(`${local}:00Z`);
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  return new Date(wall - offsetMinutes(new Date(first), timeZone) * 60_000);
}

// The wall-clock reading of `instant` in `timeZone`: { date: "YYYY-MM-DD", time: "HH:mm" }.
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}
