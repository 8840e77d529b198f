"use client";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/controls";
import { Form } from "@/components/ui/form";
import { useTypedEarly } from "@/components/ui/use-typed-early";
import { api, NetworkError } from "@/lib/client/api";
import { firstProblem } from "@/lib/client/error-message";
import type { Dictionary } from "@/lib/i18n/dictionaries";
import type { PlannerSettings } from "@/lib/planner/types";

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

export function SettingsForm({ t, settings, pageZone }: { t: Dictionary; settings: PlannerSettings; pageZone: string }) {
  const [weekStartsOn, setWeekStartsOn] = useState<0 | 1>(settings.weekStartsOn);
  // Without a saved zone, the one the page is drawn in (the browser's, as its pages wrote it).
  const [timeZone, setTimeZone] = useState(settings.timeZone ?? pageZone);
  const editTimeZone = (event: ChangeEvent<HTMLSelectElement>) => setTimeZone(event.target.value);
  const timeZoneSelect = useTypedEarly(timeZone, editTimeZone);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      const response = await api("/api/settings", { method: "PATCH", json: { weekStartsOn, timeZone } });
      setResult(response.ok ? { tone: "success", text: t.settings.saved } : { tone: "error", text: firstProblem(t, response) });
    } catch (error) {
      setResult({ tone: "error", text: error instanceof NetworkError ? t.common.networkError : t.common.genericError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4">
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t.settings.weekStartsOn}
        <Select value={weekStartsOn} onChange={(event) => setWeekStartsOn(event.target.value === "1" ? 1 : 0)} className="rounded-lg border border-slate-300 bg-white px-3 py-2">
          <option value={0}>{t.settings.sunday}</option>
          <option value={1}>{t.settings.monday}</option>
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t.settings.timeZone}
        <select ref={timeZoneSelect} value={timeZone} onChange={editTimeZone} className="rounded-lg border border-slate-300 bg-white px-3 py-2">
          {timeZones(timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.planner.save}
      </Button>
    </Form>
  );
}
