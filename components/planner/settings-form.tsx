"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useSubmit } from "@/components/ui/use-submit";
import { TimeZonePicker } from "@/components/planner/time-zone-picker";
import type { Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import { isHolidayCountry, type HolidayCountry } from "@/lib/planner/holiday-countries";
import type { PlannerSettings } from "@/lib/planner/types";

export function SettingsForm({
  t,
  locale,
  settings,
  pageZone,
  holidayCountries,
}: {
  t: Sections<"apiErrors" | "common" | "planner" | "settings" | "validation">;
  locale: Locale;
  settings: PlannerSettings;
  pageZone: string;
  // Korea first, then by name in the page's language (lib/planner/holidays.ts).
  holidayCountries: { code: HolidayCountry; name: string }[];
}) {
  const [weekStartsOn, setWeekStartsOn] = useState<0 | 1>(settings.weekStartsOn);
  // Without a saved zone, the one the page is drawn in (the browser's, as its pages wrote it).
  const [timeZone, setTimeZone] = useState(settings.timeZone ?? pageZone);
  const [holidayCountry, setHolidayCountry] = useState<HolidayCountry | null>(settings.holidayCountry);
  const { busy, fields, message, submit } = useSubmit(t);
  const [saved, setSaved] = useState(false);
  // One line above the form, a field's reason first: the controls offer only values the server
  // takes, so a refusal is rare enough to need no place beside each of them.
  const problem = Object.values(fields)[0] ?? message;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const result = await submit("/api/settings", { json: { weekStartsOn, timeZone, holidayCountry }, method: "PATCH" });
    setSaved(result?.ok === true);
  }

  return (
    <Form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4">
      {saved ? <Alert tone="success">{t.settings.saved}</Alert> : null}
      {problem ? <Alert>{problem}</Alert> : null}
      <SelectField label={t.settings.weekStartsOn} name="weekStartsOn" value={weekStartsOn} onChange={(event) => setWeekStartsOn(event.target.value === "1" ? 1 : 0)}>
        <option value={0}>{t.settings.sunday}</option>
        <option value={1}>{t.settings.monday}</option>
      </SelectField>
      <TimeZonePicker t={t} locale={locale} name="timeZone" value={timeZone} onChange={setTimeZone} />
      <SelectField
        label={t.settings.holidayCountry}
        name="holidayCountry"
        value={holidayCountry ?? ""}
        onChange={(event) => setHolidayCountry(isHolidayCountry(event.target.value) ? event.target.value : null)}
      >
        <option value="">{t.settings.noHolidays}</option>
        {holidayCountries.map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.planner.save}
      </Button>
    </Form>
  );
}
