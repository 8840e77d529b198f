import { z } from "zod";
import { isTimeZone } from "@/lib/planner/dates";
import { HOLIDAY_COUNTRIES } from "@/lib/planner/holiday-countries";
import { DEFAULT_TODO_VIEW, TODO_FILTERS, TODO_SORTS } from "@/lib/planner/todo-order";
import { BUCKET_CATEGORIES, EDIT_SCOPES, EVENT_COLORS, MAX_REMINDERS, MONTHLY_BY, REMINDER_OFFSETS, REPEAT_FREQUENCIES, TODO_PRIORITIES, WEEKDAYS } from "@/lib/planner/types";
import type { ValidationMessageKey } from "@/lib/validations/field-errors";

// Planner bodies are plain objects: fields a client may send but does not own (id, userId,
// createdAt…) are dropped, never applied. Messages are dictionary keys (see field-errors.ts).
const message = (key: ValidationMessageKey) => ({ error: key });

export const MAX_EVENT_RANGE_DAYS = 100;

const title = z.string(message("titleRequired")).trim().min(1, message("titleRequired")).max(200, message("titleTooLong"));
// Omitted stays undefined (a PATCH leaves it alone); null or blank clears it.
const optionalText = (max: number) =>
  z
    .string(message("invalidValue"))
    .trim()
    .max(max, message("textTooLong"))
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null));
const instant = z.iso.datetime({ offset: true, ...message("dateTimeInvalid") }).transform((value) => new Date(value));
// A calendar date, "YYYY-MM-DD", kept as UTC midnight (what PostgreSQL's DATE round-trips to).
const calendarDate = z.iso.date(message("dateInvalid")).transform((value) => new Date(`${value}T00:00:00.000Z`));

function isUtcMidnight(date: Date): boolean {
  return date.getTime() % 86_400_000 === 0;
}

const timeZone = z.string(message("timeZoneInvalid")).max(64, message("timeZoneInvalid")).refine(isTimeZone, message("timeZoneInvalid"));

// How an event repeats, as fields: the server writes the RRULE itself (lib/planner/recurrence.ts).
export const repeatSchema = z
  .object({
    freq: z.enum(REPEAT_FREQUENCIES, message("invalidValue")),
    interval: z.number(message("invalidValue")).int(message("invalidValue")).min(1, message("invalidValue")).max(99, message("invalidValue")).default(1),
    byWeekday: z
      .array(z.enum(WEEKDAYS, message("invalidValue")), message("invalidValue"))
      .max(7, message("invalidValue"))
      .default([]),
    monthlyBy: z.enum(MONTHLY_BY, message("invalidValue")).default("date"),
    lunar: z.boolean(message("invalidValue")).default(false),
    until: z.iso
      .date(message("dateInvalid"))
      .nullish()
      .transform((value) => value ?? null),
    count: z
      .number(message("invalidValue"))
      .int(message("repeatCountInvalid"))
      .min(1, message("repeatCountInvalid"))
      .max(999, message("repeatCountInvalid"))
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((repeat, context) => {
    if (repeat.until !== null && repeat.count !== null) context.addIssue({ code: "custom", path: ["count"], message: "repeatEndTwice" });
    if (repeat.lunar && repeat.freq !== "YEARLY") context.addIssue({ code: "custom", path: ["lunar"], message: "invalidValue" });
  });

// Offsets from the fixed list, each once, kept smallest first.
const reminders = z
  .array(
    z.number(message("invalidValue")).refine((value) => (REMINDER_OFFSETS as readonly number[]).includes(value), message("invalidValue")),
    message("invalidValue"),
  )
  .max(MAX_REMINDERS, message("remindersTooMany"))
  .transform((values) => [...new Set(values)].sort((a, b) => a - b));

const eventFields = {
  title,
  description: optionalText(2000),
  location: optionalText(200),
  startsAt: instant,
  endsAt: instant,
  allDay: z.boolean(message("invalidValue")),
  color: z.enum(EVENT_COLORS, message("colorInvalid")),
  // null: does not repeat (a PATCH with null makes the series one event).
  repeat: repeatSchema.nullish(),
  // The zone a new series' wall clock keeps; the account's zone when left out.
  timeZone: timeZone.optional(),
  reminders,
};

// Which occurrences of a series a PATCH or DELETE is for, and the one it was made on (its
// occurrenceStart as listed). A one-off event needs neither.
const scopeFields = {
  scope: z.enum(EDIT_SCOPES, message("invalidValue")).optional(),
  occurrenceStart: instant.optional(),
};

// Checked on the whole event, so a PATCH that moves only one end is held to the same rules.
export function eventTimeProblems(event: { startsAt: Date; endsAt: Date; allDay: boolean }): Record<string, ValidationMessageKey> {
  if (event.endsAt < event.startsAt) return { endsAt: "endBeforeStart" };
  if (event.allDay && (!isUtcMidnight(event.startsAt) || !isUtcMidnight(event.endsAt) || event.endsAt <= event.startsAt)) {
    return { startsAt: "allDayMidnight" };
  }
  return {};
}

// zod runs object refinements even when a field failed to parse, so they check for real dates first.
function areDates(...values: unknown[]): boolean {
  return values.every((value) => value instanceof Date && !Number.isNaN(value.getTime()));
}

export const eventCreateSchema = z
  .object({ ...eventFields, allDay: eventFields.allDay.default(false), color: eventFields.color.default("TEAL"), reminders: eventFields.reminders.default([]) })
  .superRefine((event, context) => {
    if (!areDates(event.startsAt, event.endsAt)) return;
    for (const [path, key] of Object.entries(eventTimeProblems(event))) context.addIssue({ code: "custom", path: [path], message: key });
  });

export const eventUpdateSchema = z.object({
  title: eventFields.title.optional(),
  description: eventFields.description,
  location: eventFields.location,
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  allDay: eventFields.allDay.optional(),
  color: eventFields.color.optional(),
  repeat: eventFields.repeat,
  timeZone: eventFields.timeZone,
  reminders: eventFields.reminders.optional(),
  ...scopeFields,
});

export const eventDeleteSchema = z.object(scopeFields);

export const eventRangeSchema = z.object({ from: instant, to: instant }, message("rangeRequired")).superRefine(({ from, to }, context) => {
  if (!areDates(from, to)) return;
  if (to <= from) context.addIssue({ code: "custom", path: ["to"], message: "endBeforeStart" });
  else if (to.getTime() - from.getTime() > MAX_EVENT_RANGE_DAYS * 86_400_000) context.addIssue({ code: "custom", path: ["to"], message: "rangeTooLong" });
});

export const todoCreateSchema = z.object({
  title,
  dueOn: calendarDate.nullish(),
  priority: z.enum(TODO_PRIORITIES, message("invalidValue")).default("MEDIUM"),
});

export const todoUpdateSchema = z.object({
  title: title.optional(),
  dueOn: calendarDate.nullish(),
  priority: z.enum(TODO_PRIORITIES, message("invalidValue")).optional(),
  completed: z.boolean(message("invalidValue")).optional(),
  position: z.number(message("invalidValue")).finite(message("invalidValue")).min(-1e12).max(1e12).optional(),
});

export const todoListSchema = z.object({
  filter: z.enum(TODO_FILTERS, message("invalidValue")).default(DEFAULT_TODO_VIEW.filter),
  sort: z.enum(TODO_SORTS, message("invalidValue")).default(DEFAULT_TODO_VIEW.sort),
});

export const bucketCreateSchema = z.object({
  title,
  description: optionalText(2000),
  category: z.enum(BUCKET_CATEGORIES, message("invalidValue")).default("OTHER"),
  targetOn: calendarDate.nullish(),
});

export const bucketUpdateSchema = z.object({
  title: title.optional(),
  description: optionalText(2000),
  category: z.enum(BUCKET_CATEGORIES, message("invalidValue")).optional(),
  targetOn: calendarDate.nullish(),
  achieved: z.boolean(message("invalidValue")).optional(),
  achievedOn: calendarDate.nullish(),
  achievedNote: optionalText(1000),
});

// Strict: settings have no server-owned fields to ignore, so anything unknown is a mistake worth naming.
export const settingsUpdateSchema = z.strictObject({
  weekStartsOn: z.union([z.literal(0), z.literal(1)], message("invalidValue")).optional(),
  timeZone: timeZone.optional(),
  holidayCountry: z.enum(HOLIDAY_COUNTRIES, message("invalidValue")).nullable().optional(),
});

// The dates a view shows, both included: a month grid is six weeks at most.
export const holidayRangeSchema = z.object({ from: z.iso.date(message("dateInvalid")), to: z.iso.date(message("dateInvalid")) }, message("rangeRequired")).superRefine(({ from, to }, context) => {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0) context.addIssue({ code: "custom", path: ["to"], message: "endBeforeStart" });
  else if (days >= MAX_EVENT_RANGE_DAYS) context.addIssue({ code: "custom", path: ["to"], message: "rangeTooLong" });
});

export type EventCreateInput = z.infer<typeof eventCreateSchema>;
export type EventUpdateInput = z.infer<typeof eventUpdateSchema>;
export type EventDeleteInput = z.infer<typeof eventDeleteSchema>;
export type RepeatInput = z.infer<typeof repeatSchema>;
export type TodoCreateInput = z.infer<typeof todoCreateSchema>;
export type TodoUpdateInput = z.infer<typeof todoUpdateSchema>;
export type BucketCreateInput = z.infer<typeof bucketCreateSchema>;
export type BucketUpdateInput = z.infer<typeof bucketUpdateSchema>;
export type SettingsUpdateInput = z.infer<typeof settingsUpdateSchema>;

// An .ics file of up to 1 MB (as characters; the JSON around it may be larger).
export const MAX_ICS_CHARS = 1_000_000;
export const icsImportSchema = z.object({ ics: z.string(message("icsInvalid")).min(1, message("icsInvalid")).max(MAX_ICS_CHARS, message("icsTooLarge")) });
export const icsImportQuerySchema = z.object({ dryRun: z.enum(["0", "1"], message("invalidValue")).optional() });
// A subscription URL's last segment: 32 random bytes in base64url, then ".ics". Anything else is no feed.
export const calendarFeedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/) });
