// An event as its forms hold it (the full dialog and the quick-add popover): dates and wall-clock
// times as typed, turned into the API's instants only when sent.
import { addDays, zonedTimeToInstant } from "@/lib/planner/dates";
import type { EventColor } from "@/lib/planner/types";

export interface EventFields {
  title: string;
  description: string;
  location: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  color: EventColor;
}

// A new event over the given days and times; an all-day one keeps an hour at 09:00 for when it is
// made timed in the dialog.
export function newEventFields(times: Pick<EventFields, "startDate" | "endDate"> & Partial<Pick<EventFields, "allDay" | "startTime" | "endTime">>): EventFields {
  return { title: "", description: "", location: "", allDay: false, startTime: "09:00", endTime: "10:00", color: "TEAL", ...times };
}

// A click on an hour of a day (or on the day itself, at 09:00): an hour long, kept within that day.
export function hourFields(date: string, time = "09:00"): EventFields {
  const hour = Number(time.slice(0, 2));
  const endHour = Math.min(hour + 1, 23);
  return newEventFields({
    startDate: date,
    startTime: `${String(hour).padStart(2, "0")}:00`,
    endDate: date,
    endTime: `${String(endHour).padStart(2, "0")}:${endHour === hour ? "59" : "00"}`,
  });
}

const wallMinutes = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`) / 60_000;

// Moving the start moves the end with it, keeping the event's length, as calendars do; an end that
// was already before the start (being edited) gets the length a new event has.
export function withStart(form: EventFields, startDate: string, startTime: string): EventFields {
  const length = wallMinutes(form.endDate, form.endTime) - wallMinutes(form.startDate, form.startTime);
  const start = wallMinutes(startDate, startTime);
  if (Number.isNaN(start)) return { ...form, startDate, startTime };
  const end = new Date((start + (Number.isNaN(length) || length < 0 ? 60 : length)) * 60_000).toISOString();
  return { ...form, startDate, startTime, endDate: end.slice(0, 10), endTime: end.slice(11, 16) };
}

export const hasDates = (form: EventFields) => [form.startDate, form.endDate].every((value) => /^\d{4}-\d{2}-\d{2}$/.test(value));

// All-day events are whole UTC days with an exclusive end; timed ones are the user's wall clock.
export function toPayload(form: EventFields, timeZone: string) {
  const startsAt = form.allDay ? `${form.startDate}T00:00:00.000Z` : zonedTimeToInstant(`${form.startDate}T${form.startTime}`, timeZone).toISOString();
  const endsAt = form.allDay ? `${addDays(form.endDate, 1)}T00:00:00.000Z` : zonedTimeToInstant(`${form.endDate}T${form.endTime}`, timeZone).toISOString();
  return { title: form.title, description: form.description, location: form.location, allDay: form.allDay, color: form.color, startsAt, endsAt };
}
