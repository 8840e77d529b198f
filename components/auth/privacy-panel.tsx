"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";
import type { ConsentStatus } from "@/lib/privacy";

// Marketing mail given or withdrawn at any time (each answer a row in the consent ledger), the
// versions agreed to, and a copy of everything kept about the user.
export function PrivacyPanel({ t, locale, timeZone, initial }: { t: Sections<"apiErrors" | "common" | "settings">; locale: Locale; timeZone: string; initial: ConsentStatus }) {
  const [status, setStatus] = useState(initial);
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));
  const marketing = status.marketing?.granted ?? false;

  async function toggle() {
    setBusy(true);
    setNotice(null);
    const result = await api<ConsentStatus>("/api/auth/consents", { method: "POST", json: { marketing: !marketing } }).catch(() => null);
    setBusy(false);
    if (!result) return setNotice({ tone: "error", text: t.common.networkError });
    if (!result.ok) return setNotice({ tone: "error", text: errorMessage(t, result) });
    setStatus(result.data);
    setNotice({ tone: "success", text: result.data.marketing?.granted ? t.settings.marketingOn : t.settings.marketingOff });
  }

  return (
    <Panel title={t.settings.privacyTitle}>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <p className="text-sm text-slate-700" data-testid="marketing-status">
        {status.marketing ? format(marketing ? t.settings.marketingGranted : t.settings.marketingWithdrawn, { date: when(status.marketing.at) }) : t.settings.marketingNever}
      </p>
      <Button type="button" variant="secondary" className="self-start" busy={busy} busyLabel={t.common.submitting} onClick={() => void toggle()}>
        {marketing ? t.settings.marketingWithdraw : t.settings.marketingGrant}
      </Button>
      <p className="text-sm text-slate-600">{status.terms && status.privacy ? format(t.settings.agreedVersions, { terms: status.terms.version, privacy: status.privacy.version }) : null}</p>
      <a href="/api/auth/export" download className="self-start text-sm font-semibold text-teal-800 underline">
        {t.settings.exportData}
      </a>
    </Panel>
  );
}
