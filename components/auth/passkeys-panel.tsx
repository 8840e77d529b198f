"use client";
import type { startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { Form } from "@/components/ui/form";
import { useReloadable } from "@/components/ui/use-reloadable";
import { api, type ApiResult } from "@/lib/client/api";
import { errorMessage, firstProblem } from "@/lib/client/error-message";
import type { PasskeyView } from "@/lib/auth/passkeys";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";

async function fetchPasskeys(): Promise<PasskeyView[] | undefined> {
  const result = await api<{ passkeys: PasskeyView[] }>("/api/auth/passkeys");
  return result.ok ? result.data.passkeys : undefined;
}

export function PasskeysPanel({ t, locale, timeZone, initial }: { t: Sections<"apiErrors" | "common" | "planner" | "strong">; locale: Locale; timeZone: string; initial: PasskeyView[] }) {
  const [passkeys, load] = useReloadable(initial, fetchPasskeys);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const withStepUp = useStepUp();
  // The dashboard's "add a passkey" banner is the server's: drawn again once there is one (or none).
  const router = useRouter();
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));

  async function add() {
    setBusy(true);
    setMessage(null);
    try {
      // The WebAuthn library loads beside the options, as the sign-in button's does: only a click needs it.
      const [options, webauthn] = await Promise.all([
        withStepUp(() => api<Parameters<typeof startRegistration>[0]["optionsJSON"]>("/api/auth/passkeys/register/options", { method: "POST" })),
        import("@simplewebauthn/browser"),
      ]);
      if (!options) return;
      if (!options.ok) return setMessage({ tone: "error", text: errorMessage(t, options) });
      const response = await webauthn.startRegistration({ optionsJSON: options.data });
      const saved = await api("/api/auth/passkeys", { method: "POST", json: { response } });
      // A passkey the server could not verify is the same failure as a cancelled prompt.
      if (!saved.ok) return setMessage({ tone: "error", text: errorMessage(t, saved, { INVALID_INPUT: t.strong.passkeyFailedAdd }) });
      setMessage({ tone: "success", text: t.strong.passkeyAdded });
      await load();
      router.refresh();
    } catch {
      // The browser's prompt was cancelled or failed, or the network was down.
      setMessage({ tone: "error", text: t.strong.passkeyFailedAdd });
    } finally {
      setBusy(false);
    }
  }

  async function change(request: () => Promise<ApiResult<unknown>>) {
    const result = await withStepUp(request).catch(() => null);
    if (!result) setMessage({ tone: "error", text: t.common.networkError });
    else if (!result.ok) setMessage({ tone: "error", text: firstProblem(t, result) });
    setRenaming(null);
    await load();
    router.refresh();
  }

  return (
    <Panel id="passkeys" title={t.strong.passkeysTitle}>
      <p className="text-sm text-slate-700">{t.strong.passkeysBody}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {passkeys.length === 0 ? <p className="text-sm text-slate-600">{t.strong.noPasskeys}</p> : null}
      <ul aria-label={t.strong.passkeysTitle} className="flex flex-col divide-y divide-slate-100">
        {passkeys.map((passkey) => (
          <li key={passkey.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            {renaming?.id === passkey.id ? (
              <Form
                className="flex flex-1 gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  void change(() => api(`/api/auth/passkeys/${passkey.id}`, { method: "PATCH", json: { name: renaming.name } }));
                }}
              >
                <input
                  aria-label={t.strong.passkeyName}
                  value={renaming.name}
                  maxLength={60}
                  autoFocus
                  onChange={(event) => setRenaming({ id: passkey.id, name: event.target.value })}
                  className="flex-1 rounded border border-teal-700 px-2 py-1"
                />
                <Button type="submit">{t.planner.save}</Button>
              </Form>
            ) : (
              <>
                <div>
                  <p className="font-semibold text-slate-900">{passkey.name}</p>
                  <p className="text-slate-600">
                    {when(passkey.createdAt)} · {passkey.lastUsedAt ? format(t.strong.lastUsed, { date: when(passkey.lastUsedAt) }) : t.strong.neverUsed}
                  </p>
                </div>
                <div className="flex gap-2">
                  <Button type="button" variant="secondary" onClick={() => setRenaming({ id: passkey.id, name: passkey.name })} aria-label={`${t.strong.rename}: ${passkey.name}`}>
                    {t.strong.rename}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    className="text-red-700"
                    onClick={() => void change(() => api(`/api/auth/passkeys/${passkey.id}`, { method: "DELETE" }))}
                    aria-label={`${t.planner.delete}: ${passkey.name}`}
                  >
                    {t.planner.delete}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <Button type="button" className="self-start" busy={busy} busyLabel={t.common.submitting} onClick={() => void add()}>
        {t.strong.addPasskey}
      </Button>
    </Panel>
  );
}
