"use client";
import { useMemo, useState, type KeyboardEvent } from "react";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import { matchesTimeZone, timeZoneOption, timeZoneOptions } from "@/lib/planner/time-zones";

const CONTROL = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 outline-none focus-visible:border-teal-700 focus-visible:ring-2 focus-visible:ring-teal-700/30";

// The ARIA 1.2 combobox with a list popup: typing filters the zones, the arrows move through them
// (the input keeps focus; aria-activedescendant names the one marked), Enter picks it, Escape
// closes the list and puts the chosen zone's name back. The value is always an IANA id.
export function TimeZonePicker({ t, locale, name, value, onChange }: { t: Sections<"settings">; locale: Locale; name: string; value: string; onChange: (zone: string) => void }) {
  // Offsets as of this render: a zone's summer time shows when it is in force.
  const [now] = useState(() => new Date());
  const chosen = timeZoneOption(value, locale, now);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const all = useMemo(() => (open ? timeZoneOptions(value, locale, now) : []), [open, value, locale, now]);
  const shown = useMemo(() => (query ? all.filter((option) => matchesTimeZone(option, query)) : all), [all, query]);
  const listId = `${name}-options`;
  const optionId = (index: number) => `${name}-option-${index}`;

  function show(at: number) {
    setOpen(true);
    setActive(at);
    // Scrolled into view after the list has drawn it.
    requestAnimationFrame(() => document.getElementById(optionId(at))?.scrollIntoView({ block: "nearest" }));
  }

  function close() {
    setOpen(false);
    setQuery(null);
  }

  function choose(zone: string) {
    onChange(zone);
    close();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = shown.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) {
          // Opened on the chosen zone, as a select would.
          const options = timeZoneOptions(value, locale, now);
          show(
            Math.max(
              0,
              options.findIndex((option) => option.id === value),
            ),
          );
        } else show(Math.min(last, active + 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (open) show(Math.max(0, active - 1));
        break;
      case "Home":
      case "End":
        if (!open) return;
        event.preventDefault();
        show(event.key === "Home" ? 0 : Math.max(0, last));
        break;
      case "Enter": {
        // Inside a form: Enter on an open list picks; on a closed one it submits as usual.
        if (!open) return;
        event.preventDefault();
        const option = shown[active];
        if (option) choose(option.id);
        break;
      }
      case "Escape":
        if (open || query !== null) {
          event.preventDefault();
          close();
        }
        break;
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <label id={`${name}-label`} htmlFor={name} className="text-sm font-medium text-slate-800">
        {t.settings.timeZone}
      </label>
      <div className="relative">
        <input
          id={name}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
          aria-describedby={`${name}-hint`}
          value={query ?? chosen.label}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={(event) => event.target.select()}
          onClick={() => (open ? null : show(0))}
          onKeyDown={onKeyDown}
          onBlur={close}
          className={CONTROL}
        />
        {/* Always in the page, so aria-controls names an element; empty while closed. */}
        <ul
          id={listId}
          role="listbox"
          aria-labelledby={`${name}-label`}
          hidden={!open}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-lg border border-slate-300 bg-white py-1 shadow-lg"
        >
          {shown.map((option, index) => (
            <li
              key={option.id}
              id={optionId(index)}
              role="option"
              aria-selected={option.id === value}
              // Picked on mousedown, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option.id);
              }}
              onMouseMove={() => setActive(index)}
              className={`flex cursor-pointer justify-between gap-3 px-3 py-1.5 text-sm ${index === active ? "bg-teal-100 text-teal-950" : "text-slate-900"}`}
            >
              <span>{option.label}</span>
              <span className="text-slate-600">{option.id}</span>
            </li>
          ))}
        </ul>
        {open && shown.length === 0 ? (
          <p role="status" className="absolute z-20 mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-700 shadow-lg">
            {t.settings.timeZoneNoMatch}
          </p>
        ) : null}
      </div>
      <p id={`${name}-hint`} className="text-xs text-slate-600">
        {t.settings.timeZoneSearchHint}
      </p>
    </div>
  );
}
