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

export interface EventDto {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  startsAt: string;
  endsAt: string;
  allDay: boolean;
  color: EventColor;
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
