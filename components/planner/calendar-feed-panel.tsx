"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { Panel } from "@/components/ui/panel";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import type { Locale } from "@/lib/i18n/locale";
import type { CalendarFeedStatus } from "@/lib/planner/calendar-feed";

// The private subscription URL for calendar apps, and the one-time export of an .ics file. The URL
// is shown only in the answer that created it: the server keeps its hash alone.
export function CalendarFeedPanel({ t, locale, initial }: { t: Sections<"apiErrors" | "calendarFile" | "common">; locale: Locale; initial: CalendarFeedStatus }) {
  const [status, setStatus] = useState(initial);
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const texts = t.calendarFile;

  async function change(method: "POST" | "DELETE") {
    setBusy(true);
    setNotice(null);
    const result = await api<{ url: string; createdAt: string }>("/api/settings/calendar-feed", { method }).catch(() => null);
    setBusy(false);
    if (!result) return setNotice({ tone: "error", text: t.common.networkError });
    if (!result.ok) return setNotice({ tone: "error", text: errorMessage(t, result) });
    if (method === "POST") {
      setUrl(result.data.url);
      setStatus({ active: true, createdAt: result.data.createdAt });
    } else {
      setUrl(null);
      setStatus({ active: false, createdAt: null });
      setNotice({ tone: "success", text: texts.feedRevoked });
    }
  }

  async function copy() {
    if (!url) return;
    const copied = await navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
    setNotice(copied ? { tone: "success", text: texts.feedCopied } : null);
  }

  const created = status.createdAt ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(status.createdAt)) : "";
  return (
    <Panel title={texts.feedTitle}>
      <p className="text-sm text-slate-700">{texts.feedBody}</p>
      <p className="text-sm text-slate-600" data-testid="calendar-feed-status">
        {status.active ? format(texts.feedActive, { date: created }) : texts.feedNone}
      </p>
      {url ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
            <span className="font-medium">{texts.feedUrlLabel}</span>
            <Input readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
          </label>
          <Button type="button" variant="secondary" className="self-end" onClick={() => void copy()}>
            {texts.feedCopy}
          </Button>
        </div>
      ) : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="button" busy={busy} busyLabel={t.common.submitting} onClick={() => void change("POST")}>
          {status.active ? texts.feedRenew : texts.feedCreate}
        </Button>
        {status.active ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => void change("DELETE")}>
            {texts.feedRevoke}
          </Button>
        ) : null}
      </div>
      <a href="/api/events/export.ics" download className="self-start text-sm font-semibold text-teal-800 underline">
        {texts.exportLink}
      </a>
    </Panel>
  );
}
