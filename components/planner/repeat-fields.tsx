"use client";
import { Field, SelectField } from "@/components/ui/field";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { toLunar } from "@/lib/planner/lunar";
import { weekdayOf, weekdayOrdinal } from "@/lib/planner/repeat";
import { WEEKDAYS, type EditScope, type EventDto, type Repeat, type Weekday } from "@/lib/planner/types";

// The choices of the repeat menu, as Google Calendar words them: monthly and yearly split by what
// they keep of the start (its day, its weekday, its lunar date).
const KINDS = ["none", "DAILY", "WEEKLY", "MONTHLY_DATE", "MONTHLY_WEEKDAY", "YEARLY", "YEARLY_LUNAR"] as const;
type RepeatKind = (typeof KINDS)[number];
const ENDS = ["never", "until", "count"] as const;

// The repeat part of the event form, as typed: numbers stay text until sent.
export interface RepeatDraft {
  kind: RepeatKind;
  interval: number;
  byWeekday: Weekday[];
  end: (typeof ENDS)[number];
  until: string;
  count: string;
}

function kindOf(repeat: Repeat): RepeatKind {
  if (repeat.freq === "MONTHLY") return repeat.monthlyBy === "weekday" ? "MONTHLY_WEEKDAY" : "MONTHLY_DATE";
  if (repeat.freq === "YEARLY") return repeat.lunar ? "YEARLY_LUNAR" : "YEARLY";
  return repeat.freq;
}

export function repeatDraft(repeat: Repeat | null): RepeatDraft {
  if (!repeat) return { kind: "none", interval: 1, byWeekday: [], end: "never", until: "", count: "10" };
  return {
    kind: kindOf(repeat),
    interval: repeat.interval,
    byWeekday: repeat.byWeekday,
    end: repeat.count !== null ? "count" : repeat.until !== null ? "until" : "never",
    until: repeat.until ?? "",
    count: String(repeat.count ?? 10),
  };
}

function repeatOf(draft: RepeatDraft): Repeat | null {
  if (draft.kind === "none") return null;
  const freq = draft.kind === "MONTHLY_DATE" || draft.kind === "MONTHLY_WEEKDAY" ? "MONTHLY" : draft.kind === "YEARLY_LUNAR" ? "YEARLY" : draft.kind;
  return {
    freq,
    interval: draft.interval,
    byWeekday: draft.kind === "WEEKLY" ? draft.byWeekday : [],
    monthlyBy: draft.kind === "MONTHLY_WEEKDAY" ? "weekday" : "date",
    lunar: draft.kind === "YEARLY_LUNAR",
    until: draft.end === "until" ? draft.until : null,
    count: draft.end === "count" ? Number(draft.count) : null,
  };
}

// What a save sends beside the event's fields: the rule (null: does not repeat), the zone a new
// series keeps, and, for an occurrence of a series, which occurrences the change is for.
export function repeatPayload(draft: RepeatDraft, timeZone: string, occurrence: EventDto | null, scope: EditScope | undefined) {
  return { repeat: repeatOf(draft), timeZone, ...(occurrence && scope ? { scope, occurrenceStart: occurrence.occurrenceStart } : {}) };
}

export function RepeatFields({
  t,
  draft,
  startDate,
  fields,
  onChange,
}: {
  t: Sections<"planner">;
  draft: RepeatDraft;
  startDate: string;
  fields: Record<string, string | undefined>;
  onChange: (draft: RepeatDraft) => void;
}) {
  const text = t.planner.repeat;
  const set = <Key extends keyof RepeatDraft>(key: Key, value: RepeatDraft[Key]) => onChange({ ...draft, [key]: value });
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(startDate);
  const day = Number(startDate.slice(8, 10));
  const month = Number(startDate.slice(5, 7));
  const weekday = validDate ? WEEKDAYS.indexOf(weekdayOf(startDate)) : 0;
  const ordinal = validDate ? weekdayOrdinal(startDate) : 1;
  const lunar = validDate ? toLunar(startDate) : null;
  const labels: Record<RepeatKind, string> = {
    none: text.none,
    DAILY: text.daily,
    WEEKLY: text.weekly,
    MONTHLY_DATE: format(text.monthlyDate, { day }),
    MONTHLY_WEEKDAY: format(text.monthlyWeekday, { ordinal: ordinal === -1 ? text.last : (text.ordinals[ordinal - 1] ?? ""), weekday: text.weekdayNames[weekday] ?? "" }),
    YEARLY: format(text.yearly, { month, day }),
    YEARLY_LUNAR: lunar
      ? format(text.yearlyLunar, { month: lunar.leap ? format(text.leapMonth, { month: lunar.month }) : lunar.month, day: lunar.day })
      : format(text.yearlyLunar, { month: "?", day: "?" }),
  };

  function choose(kind: RepeatKind) {
    // Weekly starts from the start's own day, as a first choice to change.
    onChange({ ...draft, kind, byWeekday: kind === "WEEKLY" && draft.byWeekday.length === 0 && validDate ? [weekdayOf(startDate)] : draft.byWeekday });
  }

  return (
    <div className="flex flex-col gap-3">
      <SelectField
        label={text.label}
        name="repeat"
        value={draft.kind}
        onChange={(event) => choose(KINDS.find((kind) => kind === event.target.value) ?? "none")}
        error={fields.repeat ?? fields["repeat.lunar"]}
      >
        {KINDS.map((kind) => (
          <option key={kind} value={kind} disabled={kind === "YEARLY_LUNAR" && !lunar}>
            {labels[kind]}
          </option>
        ))}
      </SelectField>
      {draft.kind === "WEEKLY" ? (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{text.weekdays}</legend>
          <div className="flex flex-wrap gap-1">
            {WEEKDAYS.map((code, index) => (
              <label key={code} className="cursor-pointer">
                <input
                  type="checkbox"
                  checked={draft.byWeekday.includes(code)}
                  onChange={(event) => set("byWeekday", event.target.checked ? [...draft.byWeekday, code] : draft.byWeekday.filter((chosen) => chosen !== code))}
                  aria-label={text.weekdayNames[index]}
                  className="peer sr-only"
                />
                <span
                  aria-hidden="true"
                  className="flex size-9 items-center justify-center rounded-full border border-slate-300 text-sm font-semibold peer-checked:border-teal-700 peer-checked:bg-teal-700 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-teal-700 peer-focus-visible:ring-offset-2"
                >
                  {text.weekdayShort[index]}
                </span>
              </label>
            ))}
          </div>
          {fields["repeat.byWeekday"] ? <p className="text-sm text-red-700">{fields["repeat.byWeekday"]}</p> : null}
        </fieldset>
      ) : null}
      {draft.kind === "none" ? null : (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{text.ends}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {ENDS.map((end) => (
              <label key={end} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="repeatEnd" value={end} checked={draft.end === end} onChange={() => set("end", end)} className="size-4 accent-teal-700" />
                {{ never: text.never, until: text.onDate, count: text.afterCount }[end]}
              </label>
            ))}
          </div>
          {draft.end === "until" ? (
            <div className="mt-2">
              <Field
                label={text.untilDate}
                name="repeatUntil"
                type="date"
                value={draft.until}
                min={validDate ? startDate : undefined}
                onChange={(event) => set("until", event.target.value)}
                error={fields["repeat.until"]}
              />
            </div>
          ) : null}
          {draft.end === "count" ? (
            <div className="mt-2">
              <Field
                label={text.count}
                name="repeatCount"
                type="number"
                inputMode="numeric"
                min={1}
                max={999}
                value={draft.count}
                onChange={(event) => set("count", event.target.value)}
                error={fields["repeat.count"]}
              />
            </div>
          ) : null}
        </fieldset>
      )}
    </div>
  );
}
