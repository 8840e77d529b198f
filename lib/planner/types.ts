// What the planner API answers, shared by the route handlers and the pages that call them.
import type { HolidayCountry } from "@/lib/planner/holiday-countries";

// The values a planner field may take: the schemas check them, and the forms list them without
// loading the schemas.
export const EVENT_COLORS = ["TEAL", "BLUE", "VIOLET", "ROSE", "ORANGE", "AMBER", "GREEN", "SLATE"] as const;
export const TODO_PRIORITIES = ["LOW", "MEDIUM", "HIGH"] as const;
export const BUCKET_CATEGORIES = ["TRAVEL", "CAREER", "HEALTH", "LEARNING", "RELATIONSHIPS", "EXPERIENCE", "FINANCE", "OTHER"] as const;

export type EventColor = (typeof EVENT_COLORS)[number];
export type TodoPriority = (typeof TODO_PRIORITIES)[number];
export type BucketCategory = (typeof BUCKET_CATEGORIES)[number];

// How an event repeats: what the API takes and answers. The server turns it into the stored RRULE
// (lib/planner/recurrence.ts), so no client writes rule text. Weekdays in RFC 5545's names, Sunday
// first (the index is Date#getUTCDay()).
export const REPEAT_FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
export const MONTHLY_BY = ["date", "weekday"] as const;
// Which occurrences of a series an edit or a delete applies to, as Google Calendar asks.
export const EDIT_SCOPES = ["this", "following", "all"] as const;

// When an event's e-mail reminders go out, in minutes before its start: at the time, 5/10/15/30
// minutes, 1/2 hours, 1/2 days, a week. At most MAX_REMINDERS on one event.
export const REMINDER_OFFSETS = [0, 5, 10, 15, 30, 60, 120, 1440, 2880, 10080] as const;
export const MAX_REMINDERS = 5;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[number];

export type RepeatFrequency = (typeof REPEAT_FREQUENCIES)[number];
export type Weekday = (typeof WEEKDAYS)[number];
export type EditScope = (typeof EDIT_SCOPES)[number];

export interface Repeat {
  freq: RepeatFrequency;
  // Every `interval` days, weeks, months or years (lunar years for a lunar rule).
  interval: number;
  // WEEKLY: the days it falls on; empty elsewhere.
  byWeekday: Weekday[];
  // MONTHLY: on the start's day of the month, or on its weekday ("second Tuesday"; a start on the
  // 29th or later means the month's last such weekday).
  monthlyBy: (typeof MONTHLY_BY)[number];
  // YEARLY: on the start's Korean lunar date (음력) instead of its Gregorian one.
  lunar: boolean;
  // The end: the last date it may fall on, in the series' zone, or how many times; neither is never.
  until: string | null;
  count: number | null;
}

// One event, or one occurrence of a repeating one. `id` is the row a PATCH or DELETE goes to: the
// series for an occurrence drawn from its rule, the override's own row for an occurrence changed on
// its own. `startsAt`/`endsAt` are this occurrence's.
export interface EventDto {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  color: EventColor;
  // The series this is an occurrence of, null for a one-off event.
  seriesId: string | null;
  // The occurrence's start as the rule places it (RFC 5545 RECURRENCE-ID), which names it in a
  // PATCH or DELETE with a scope even after it was moved; null for a one-off.
  occurrenceStart: string | null;
  // The series' rule, null for a one-off.
  repeat: Repeat | null;
  // The IANA zone the series' wall clock keeps (10:00 stays 10:00 across DST), null for a one-off.
  timeZone: string | null;
  // Minutes before the start that a reminder mail goes out, smallest first.
  reminders: number[];
}

export interface TodoDto {
  id: string;
  title: string;
  dueOn: string | null;
  priority: TodoPriority;
  completed: boolean;
  completedAt: string | null;
  position: number;
  createdAt: string;
}

export interface BucketItemDto {
  id: string;
  title: string;
  description: string | null;
  category: BucketCategory;
  targetOn: string | null;
  achieved: boolean;
  achievedOn: string | null;
  achievedNote: string | null;
  createdAt: string;
}

export interface BucketSummary {
  total: number;
  achieved: number;
  byCategory: Partial<Record<BucketCategory, { total: number; achieved: number }>>;
}

export interface PlannerSettings {
  weekStartsOn: 0 | 1;
  timeZone: string | null;
  // Whose public holidays the calendar shows; null = none.
  holidayCountry: HolidayCountry | null;
}

// A public holiday on the calendar, named in the request's language.
export interface HolidayDto {
  date: string;
  name: string;
}
