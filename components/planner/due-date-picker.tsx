"use client";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { Sections } from "@/lib/i18n/dictionaries";
import { addDays, formatDate } from "@/lib/planner/dates";
import { dueLabel } from "@/lib/planner/due-label";
import { nextWeekStart, recogniseDate } from "@/lib/planner/natural-date";

export interface DueDateContext {
  today: string;
  timeZone: string;
  locale: string;
}

// A due date in words, in the page's language.
export function dueWords(t: Sections<"planner">, date: string, { today, locale }: DueDateContext): string {
  return dueLabel(date, today, locale, { yesterday: t.planner.yesterday, today: t.planner.today, tomorrow: t.planner.tomorrow });
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-4">
      <rect x="3" y="4.5" width="14" height="12" rx="2" />
      <path d="M3 8.5h14M7 3v3M13 3v3" />
    </svg>
  );
}

// A button that opens quick choices for a due date (today, tomorrow, next week, one typed in words
// or picked on a calendar, none) in a small non-modal dialog: Esc or a click outside closes it, and
// focus goes back to the button.
export function DueDatePicker({
  t,
  context,
  value,
  label,
  overdue = false,
  above = false,
  onChoose,
}: {
  t: Sections<"planner">;
  context: DueDateContext;
  value: string | null;
  // The button's accessible name; it contains the words shown on it.
  label: string;
  overdue?: boolean;
  // Opens upwards, for a button at the bottom of the screen. Otherwise it hangs from the button's
  // left edge on a phone (the button starts a line) and its right edge beside a wide row.
  above?: boolean;
  onChoose: (date: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const [typed, setTyped] = useState("");
  const [picked, setPicked] = useState("");
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const id = useId();

  function close() {
    setOpen(false);
    setPicking(false);
    setTyped("");
    setPicked("");
    trigger.current?.focus();
  }

  function choose(date: string | null) {
    onChoose(date);
    close();
  }

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector("button")?.focus();
    const outside = (event: PointerEvent) => {
      if (event.target instanceof Node && !panel.current?.contains(event.target) && !trigger.current?.contains(event.target)) {
        setOpen(false);
        setPicking(false);
      }
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  // Only a whole phrase is a date here: "다음 주 금요일", not "금요일 회의".
  const recognised = typed.trim() ? recogniseDate(typed, new Date(), context.timeZone) : null;
  const typedDate = recognised && recognised.rest === "" ? recognised.date : null;
  const chosen = typedDate ?? (picked || null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.stopPropagation();
      close();
    }
  }

  function onTypedKey(event: KeyboardEvent<HTMLInputElement>) {
    // Enter chooses the typed date; it must not also submit the add bar's form.
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (chosen) choose(chosen);
  }

  const choices: [string, string][] = [
    [t.planner.today, context.today],
    [t.planner.tomorrow, addDays(context.today, 1)],
    [t.planner.nextWeek, nextWeekStart(context.today)],
  ];
  const item = "flex w-full items-center justify-between gap-3 rounded-lg px-3 py-2 text-left text-sm text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700";
  let shown: ReactNode = <CalendarIcon />;
  if (value) shown = <span className={overdue ? "font-semibold text-rose-800" : "text-slate-800"}>{dueWords(t, value, context)}</span>;

  return (
    <div className="relative">
      <button
        ref={trigger}
        type="button"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => (open ? close() : setOpen(true))}
        className={`inline-flex min-h-8 items-center gap-1 rounded-lg border px-2 py-1 text-sm ${value ? "border-slate-300 bg-white" : "border-dashed border-slate-400 text-slate-700"} hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-teal-700`}
      >
        {shown}
      </button>
      {open ? (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label={t.planner.dueChoices}
          onKeyDown={onKeyDown}
          className={`absolute z-30 w-64 rounded-xl border border-slate-200 bg-white p-1 shadow-lg ${above ? "bottom-full left-0 mb-1" : "top-full left-0 mt-1 sm:right-0 sm:left-auto"}`}
        >
          {choices.map(([name, date]) => (
            <button key={name} type="button" onClick={() => choose(date)} className={item}>
              <span>{name}</span>
              <span className="text-xs text-slate-600">{formatDate(date, context.locale, { weekday: "short", month: "short", day: "numeric" })}</span>
            </button>
          ))}
          <button type="button" aria-expanded={picking} onClick={() => setPicking(!picking)} className={item}>
            {t.planner.pickDate}
          </button>
          {picking ? (
            <div className="flex flex-col gap-2 border-y border-slate-200 px-3 py-2">
              <label className="flex flex-col gap-1 text-xs text-slate-700">
                {t.planner.typeDate}
                <input
                  autoFocus
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  onKeyDown={onTypedKey}
                  aria-describedby={`${id}-typed`}
                  className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
                />
              </label>
              <p id={`${id}-typed`} aria-live="polite" className="text-xs text-slate-700">
                {typed.trim() ? (typedDate ? dueWords(t, typedDate, context) : t.planner.dateNotRecognised) : null}
              </p>
              <label className="flex flex-col gap-1 text-xs text-slate-700">
                {t.planner.calendarDate}
                <input type="date" value={picked} onChange={(event) => setPicked(event.target.value)} className="rounded border border-slate-300 px-2 py-1 text-sm text-slate-900" />
              </label>
              <button
                type="button"
                disabled={!chosen}
                onClick={() => chosen && choose(chosen)}
                className="self-end rounded-lg bg-teal-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
              >
                {t.planner.apply}
              </button>
            </div>
          ) : null}
          <button type="button" onClick={() => choose(null)} className={item}>
            {t.planner.noDate}
          </button>
        </div>
      ) : null}
    </div>
  );
}
