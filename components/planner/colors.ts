import type { EventColor } from "@/lib/planner/types";

// Chip styles per event colour: dark text on a light tint keeps AA contrast for every colour. On
// phones the month's bars are thin lines without words, in the colour itself (`line`).
export const COLOR_CLASSES: Record<EventColor, { chip: string; swatch: string; line: string }> = {
  TEAL: { chip: "bg-teal-100 text-teal-900 border-teal-300", swatch: "bg-teal-600", line: "max-sm:bg-teal-600" },
  BLUE: { chip: "bg-blue-100 text-blue-900 border-blue-300", swatch: "bg-blue-600", line: "max-sm:bg-blue-600" },
  VIOLET: { chip: "bg-violet-100 text-violet-900 border-violet-300", swatch: "bg-violet-600", line: "max-sm:bg-violet-600" },
  ROSE: { chip: "bg-rose-100 text-rose-900 border-rose-300", swatch: "bg-rose-600", line: "max-sm:bg-rose-600" },
  ORANGE: { chip: "bg-orange-100 text-orange-900 border-orange-300", swatch: "bg-orange-600", line: "max-sm:bg-orange-600" },
  AMBER: { chip: "bg-amber-100 text-amber-900 border-amber-300", swatch: "bg-amber-500", line: "max-sm:bg-amber-500" },
  GREEN: { chip: "bg-green-100 text-green-900 border-green-300", swatch: "bg-green-600", line: "max-sm:bg-green-600" },
  SLATE: { chip: "bg-slate-200 text-slate-900 border-slate-300", swatch: "bg-slate-600", line: "max-sm:bg-slate-600" },
};
