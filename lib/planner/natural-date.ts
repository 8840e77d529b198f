// Dates typed as words, in Korean or English ("내일 오후 3시", "다음 주 금요일", "next fri", "dec 10",
// "in 3 days"), read relative to the user's own "now". Pure: the caller passes the instant and zone.
import { addDays, instantToZoned } from "@/lib/planner/dates";

export interface RecognisedDate {
  // "YYYY-MM-DD" in the user's zone.
  date: string;
  // "HH:mm" when a time was typed too. Todos carry a date only, so it is shown, never stored.
  time: string | null;
  // What remains of the input once the date's words (and their particles) are taken out.
  rest: string;
}

// Neither a letter nor a digit on either side, so "내일" is not found in "내일정" nor "mon" in "money".
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;
// Korean particles that belong to the date ("금요일까지", "3시에") and go with it.
const PARTICLE = "(?:까지|에는|에|부터)?";
// English words that lead into a date ("by friday", "on dec 10") or a time ("at 3pm").
const DATE_LEAD = String.raw`(?:(?:by|on|due|until)\s+)?`;
const TIME_LEAD = String.raw`(?:(?:at|@)\s*)?`;

const KOREAN_WEEKDAYS = "일월화수목금토";
const ENGLISH_WEEKDAYS: [RegExp, number][] = [
  [/^sun(day)?$/, 0],
  [/^mon(day)?$/, 1],
  [/^tue(s|sday)?$/, 2],
  [/^wed(s|nesday)?$/, 3],
  [/^thu(r|rs|rsday)?$/, 4],
  [/^fri(day)?$/, 5],
  [/^sat(urday)?$/, 6],
];
const ENGLISH_WEEKDAY = "sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:rsday|rs|r)?|fri(?:day)?|sat(?:urday)?";
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ENGLISH_MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
const ENGLISH_COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

// The first `weekday` after today: on a Friday, "금요일" is the next one, as in Todoist.
function nextWeekday(today: string, weekday: number): string {
  return addDays(today, ((weekday - weekdayOf(today) + 6) % 7) + 1);
}

// `weekday` in the week `weeks` after this one. Weeks start on Monday, as Korean calendars count them.
function weekdayInWeek(today: string, weeks: number, weekday: number): string {
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  return addDays(monday, weeks * 7 + ((weekday + 6) % 7));
}

// Monday of next week: what "다음 주" and "next week" name, and the picker's quick choice.
export function nextWeekStart(today: string): string {
  return weekdayInWeek(today, 1, 1);
}

function addMonths(today: string, months: number): string {
  const [year = 0, month = 1, day = 1] = today.split("-").map(Number);
  const last = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, last))).toISOString().slice(0, 10);
}

function addUnits(today: string, count: number, unit: string): string {
  if (/^(주|weeks?)$/.test(unit)) return addDays(today, count * 7);
  if (/^(달|개월|months?)$/.test(unit)) return addMonths(today, count);
  return addDays(today, count);
}

// Month and day without a year: this year's, or next year's once this year's has passed.
function calendarDate(today: string, month: number, day: number, year?: number): string | null {
  const thisYear = Number(today.slice(0, 4));
  const make = (y: number) => {
    const date = new Date(Date.UTC(y, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.toISOString().slice(0, 10) : null;
  };
  if (year !== undefined) return make(year);
  const candidate = make(thisYear);
  if (candidate === null) return make(thisYear + 1);
  return candidate >= today ? candidate : make(thisYear + 1);
}

function englishWeekday(word: string): number {
  return ENGLISH_WEEKDAYS.find(([pattern]) => pattern.test(word))?.[1] ?? 0;
}

function englishMonth(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3)) + 1;
}

// A pattern and what it names: a date ("YYYY-MM-DD", from today's) or a time ("HH:mm"); null when the
// words match but name nothing real ("2월 30일", "25시").
type Rule = [RegExp, (group: (index: number) => string, today: string) => string | null];

const rule = (source: string) => new RegExp(`${START}${source}${END}`, "giu");
const korean = (source: string) => rule(`${source}${PARTICLE}`);
const english = (source: string) => rule(`${DATE_LEAD}(?:${source})`);
const relativeWeek = (word: string) => ({ 이번: 0, 다음: 1, 다다음: 2, this: 0, next: 1 })[word] ?? 0;

const DATE_RULES: Rule[] = [
  [korean(String.raw`(이번|다음|다다음)\s*주\s*([${KOREAN_WEEKDAYS}])요일`), (m, today) => weekdayInWeek(today, relativeWeek(m(1)), KOREAN_WEEKDAYS.indexOf(m(2)))],
  [korean(String.raw`(다음|다다음)\s*주`), (m, today) => weekdayInWeek(today, relativeWeek(m(1)), 1)],
  [korean(`([${KOREAN_WEEKDAYS}])요일`), (m, today) => nextWeekday(today, KOREAN_WEEKDAYS.indexOf(m(1)))],
  [korean("(오늘|내일|모레|글피)"), (m, today) => addDays(today, ["오늘", "내일", "모레", "글피"].indexOf(m(1)))],
  [korean(String.raw`(\d{1,3})\s*(일|주|달|개월)\s*(?:후|뒤)`), (m, today) => addUnits(today, Number(m(1)), m(2))],
  [korean(String.raw`(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일`), (m, today) => calendarDate(today, Number(m(2)), Number(m(3)), m(1) ? Number(m(1)) : undefined)],
  [
    english(`(this|next)\\s+(${ENGLISH_WEEKDAY})`),
    (m, today) => {
      const weekday = englishWeekday(m(2).toLowerCase());
      return m(1).toLowerCase() === "this" ? weekdayInWeek(today, 0, weekday) : weekdayInWeek(today, 1, weekday);
    },
  ],
  [english(String.raw`next\s+week`), (_m, today) => nextWeekStart(today)],
  [english("day after tomorrow"), (_m, today) => addDays(today, 2)],
  [english("today|tonight"), (_m, today) => today],
  [english("tomorrow|tmrw?"), (_m, today) => addDays(today, 1)],
  [
    english(String.raw`in\s+(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?|months?)`),
    (m, today) => addUnits(today, ENGLISH_COUNT[m(1).toLowerCase()] ?? Number(m(1)), m(2).toLowerCase()),
  ],
  [
    english(`(${ENGLISH_MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`),
    (m, today) => calendarDate(today, englishMonth(m(1).toLowerCase()), Number(m(2)), m(3) ? Number(m(3)) : undefined),
  ],
  [
    english(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(${ENGLISH_MONTH})\\.?(?:,?\\s+(\\d{4}))?`),
    (m, today) => calendarDate(today, englishMonth(m(2).toLowerCase()), Number(m(1)), m(3) ? Number(m(3)) : undefined),
  ],
  [english(`(${ENGLISH_WEEKDAY})`), (m, today) => nextWeekday(today, englishWeekday(m(1).toLowerCase()))],
  [english(String.raw`(\d{4})-(\d{2})-(\d{2})`), (m, today) => calendarDate(today, Number(m(2)), Number(m(3)), Number(m(1)))],
  [korean(String.raw`(\d{1,2})/(\d{1,2})`), (m, today) => calendarDate(today, Number(m(1)), Number(m(2)))],
];

function clock(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const TIME_RULES: Rule[] = [
  [
    korean(String.raw`(오전|오후|아침|낮|저녁|밤)?\s*(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분|\s*(반))?`),
    (m) => {
      let hour = Number(m(2));
      const afternoon = m(1) ? ["오후", "저녁", "밤"].includes(m(1)) || (m(1) === "낮" && hour < 6) : hour >= 1 && hour <= 6;
      if (hour > 12) return m(1) ? null : clock(hour, Number(m(3) ?? 0));
      if (afternoon && hour < 12) hour += 12;
      if (!afternoon && m(1) && hour === 12) hour = 0;
      // A bare "3시" is read as 15:00: todos are rarely due at three in the morning.
      return clock(hour, m(4) ? 30 : Number(m(3) ?? 0));
    },
  ],
  [korean("정오"), () => "12:00"],
  [
    rule(`${TIME_LEAD}(\\d{1,2})(?::(\\d{2}))?\\s*([ap])\\.?m\\.?`),
    (m) => {
      const hour = Number(m(1));
      if (hour < 1 || hour > 12) return null;
      return clock((hour % 12) + (m(3).toLowerCase() === "p" ? 12 : 0), Number(m(2) ?? 0));
    },
  ],
  [rule(`${TIME_LEAD}noon`), () => "12:00"],
  [rule(`${TIME_LEAD}(\\d{1,2}):(\\d{2})${PARTICLE}`), (m) => clock(Number(m(1)), Number(m(2)))],
];

interface Found {
  start: number;
  end: number;
  value: string;
}

// The leftmost match of any rule, the longest where several start together, outside `taken`.
function findFirst(input: string, rules: Rule[], today: string, taken: Found | null): Found | null {
  let best: Found | null = null;
  for (const [pattern, read] of rules) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken && start < taken.end && end > taken.start) continue;
      const value = read((index) => match[index] ?? "", today);
      if (value === null) continue;
      if (!best || start < best.start || (start === best.start && end > best.end)) best = { start, end, value };
      break;
    }
  }
  return best;
}

function without(input: string, spans: Found[]): string {
  let rest = input;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) rest = `${rest.slice(0, span.start)} ${rest.slice(span.end)}`;
  return rest.replace(/\s+/g, " ").trim();
}

// The date (and time) `input` names, where "now" is `now` in `timeZone`; null when it names none.
// A time alone means today, or tomorrow once that time has passed.
export function recogniseDate(input: string, now: Date, timeZone: string): RecognisedDate | null {
  const { date: today, time: nowTime } = instantToZoned(now, timeZone);
  const date = findFirst(input, DATE_RULES, today, null);
  const time = findFirst(input, TIME_RULES, today, date);
  if (!date && !time) return null;
  const spans = [date, time].filter((span): span is Found => span !== null);
  const day = date?.value ?? (time && time.value <= nowTime ? addDays(today, 1) : today);
  return { date: day, time: time?.value ?? null, rest: without(input, spans) };
}
