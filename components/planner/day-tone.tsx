import { dayOfWeek } from "@/lib/planner/calendar";

// As Korean calendars print them: holidays and Sundays red, Saturdays blue. Both shades keep the
// text readable on the grid's white and grey (WCAG AA).
export function dayToneClass(date: string, holiday: string | undefined): string | undefined {
  const weekday = dayOfWeek(date);
  if (holiday || weekday === 0) return "text-red-700";
  return weekday === 6 ? "text-blue-700" : undefined;
}

// A holiday's name where there is room for only its start: cut visually, whole for screen readers
// and on hover. Red unless `className` gives it another colour (on today's teal, white).
export function HolidayName({ name, className = "text-red-700" }: { name: string | undefined; className?: string }) {
  if (!name) return null;
  return (
    <span title={name} className={`min-w-0 truncate text-xs font-normal ${className}`}>
      {name}
    </span>
  );
}
