"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import type { ImportResult } from "@/lib/planner/calendar-file";

// The server refuses larger files too (lib/validations/planner.ts); checked here first so a big
// file is not uploaded only to be refused.
const MAX_FILE_BYTES = 1_000_000;

// An .ics file read in the browser, previewed by a dry run on the server, then imported on confirm.
export function IcsImportPanel({ t, locale, timeZone }: { t: Sections<"apiErrors" | "calendarFile" | "common">; locale: Locale; timeZone: string }) {
  const texts = t.calendarFile;
  const [ics, setIcs] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(text: string, dryRun: boolean): Promise<ImportResult | null> {
    setBusy(true);
    setNotice(null);
    const result = await api<ImportResult>(`/api/events/import${dryRun ? "?dryRun=1" : ""}`, { method: "POST", json: { ics: text } }).catch(() => null);
    setBusy(false);
    if (!result) setNotice({ tone: "error", text: t.common.networkError });
    else if (!result.ok) setNotice({ tone: "error", text: Object.values(result.fields)[0] ?? errorMessage(t, result) });
    return result?.ok ? result.data : null;
  }

  async function choose(file: File | undefined) {
    setPreview(null);
    setIcs(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setNotice({ tone: "error", text: texts.importTooLarge });
    const text = await file.text();
    const answer = await send(text, true);
    if (answer) {
      setIcs(text);
      setPreview(answer);
    }
  }

  async function confirm() {
    if (!ics) return;
    const answer = await send(ics, false);
    if (!answer) return;
    setPreview(null);
    setIcs(null);
    setNotice({ tone: "success", text: format(texts.importDone, { imported: answer.imported, skipped: answer.skipped }) });
  }

  const when = (iso: string, allDay: boolean) =>
    allDay
      ? `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso))} · ${texts.importAllDay}`
      : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  return (
    <Panel title={texts.importTitle}>
      <p className="text-sm text-slate-700">{texts.importBody}</p>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{texts.importFile}</span>
        <input type="file" accept=".ics,text/calendar" disabled={busy} onChange={(event) => void choose(event.currentTarget.files?.[0])} />
      </label>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {preview ? (
        <>
          <p className="text-sm font-semibold" role="status">
            {format(texts.importSummary, { imported: preview.imported, skipped: preview.skipped })}
          </p>
          <ul aria-label={texts.importPreview} className="flex max-h-64 flex-col divide-y divide-slate-100 overflow-y-auto text-sm">
            {preview.preview.map((item, index) => (
              <li key={index} className="flex flex-wrap justify-between gap-2 py-1.5">
                <span className={item.skipped ? "text-slate-500 line-through" : "text-slate-900"}>
                  {item.title || "—"}
                  {item.repeats ? <span className="ml-2 rounded bg-teal-50 px-1.5 py-0.5 text-xs text-teal-800">{texts.importRepeats}</span> : null}
                </span>
                <span className="text-slate-600">
                  {when(item.startsAt, item.allDay)} · {item.skipped ? texts.reasons[item.skipped] : texts.importNew}
                </span>
              </li>
            ))}
          </ul>
          <Button type="button" className="self-start" busy={busy} busyLabel={t.common.submitting} disabled={preview.imported === 0} onClick={() => void confirm()}>
            {format(texts.importConfirm, { count: preview.imported })}
          </Button>
        </>
      ) : null}
    </Panel>
  );
}
