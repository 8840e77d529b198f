"use client";
import { useRef, useState, type FormEvent } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Panel } from "@/components/ui/panel";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useReloadable } from "@/components/ui/use-reloadable";
import { api } from "@/lib/client/api";
import { firstProblem } from "@/lib/client/error-message";
import { format, type Sections } from "@/lib/i18n/dictionaries";

export type TwoFactorStatus = { totpEnabled: boolean; recoveryCodesLeft: number };
type Setup = { secret: string; qrSvg: string };

async function fetchStatus(): Promise<TwoFactorStatus | undefined> {
  const result = await api<TwoFactorStatus>("/api/auth/2fa");
  return result.ok ? result.data : undefined;
}

function RecoveryCodes({ t, codes, onDone }: { t: Sections<"apiErrors" | "common" | "strong">; codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const text = codes.join("\n");
  return (
    <div className="flex flex-col gap-3">
      <h4 className="font-semibold">{t.strong.codesTitle}</h4>
      <p className="text-sm text-slate-700">{t.strong.codesBody}</p>
      <ul aria-label={t.strong.codesTitle} className="grid grid-cols-1 gap-1 rounded-lg bg-slate-100 p-3 font-mono text-sm sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            void navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {t.strong.copy}
        </Button>
        <a
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(`TropiCal recovery codes\n\n${text}\n`)}`}
          download="tropical-recovery-codes.txt"
          className="inline-flex items-center rounded-lg border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 hover:bg-slate-50"
        >
          {t.strong.download}
        </a>
        <Button type="button" onClick={onDone}>
          {t.strong.done}
        </Button>
      </div>
      {copied ? (
        <p role="status" className="text-sm text-emerald-800">
          {t.strong.copied}
        </p>
      ) : null}
    </div>
  );
}

export function TwoFactorPanel({ t, initial }: { t: Sections<"apiErrors" | "common" | "strong">; initial: TwoFactorStatus }) {
  const [status, load] = useReloadable(initial, fetchStatus);
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  // Good news is said as such, never in the error style: shown once 2FA has just been turned on.
  const [enabled, setEnabled] = useState(false);
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const withStepUp = useStepUp();
  const turnOn = useRef<HTMLButtonElement>(null);

  async function run<T>(path: string, json: unknown, then: (data: T) => void) {
    setBusy(true);
    setError(null);
    setEnabled(false);
    try {
      // Every change here needs a recent proof of identity: the step-up dialog asks when it is due.
      const result = await withStepUp(() => api<T>(path, { method: "POST", json }));
      if (result?.ok) then(result.data);
      else if (result) setError(firstProblem(t, result));
    } catch {
      setError(t.common.networkError);
    } finally {
      setBusy(false);
    }
  }

  // Back to the off state at once; the pending secret is dropped on the server, so the code it
  // shows never turns anything on. Focus goes back to the button that started the setup.
  async function cancelSetup() {
    setSetup(null);
    setCode("");
    setError(null);
    requestAnimationFrame(() => turnOn.current?.focus());
    await api("/api/auth/2fa/totp/setup", { method: "DELETE" }).catch(() => null);
  }

  return (
    <Panel title={t.strong.totpTitle}>
      {error ? <Alert>{error}</Alert> : null}
      {enabled ? <Alert tone="success">{t.strong.totpEnabled}</Alert> : null}
      {codes ? (
        <RecoveryCodes
          t={t}
          codes={codes}
          onDone={() => {
            setCodes(null);
            void load();
          }}
        />
      ) : setup ? (
        <Form
          noValidate
          className="flex flex-col gap-3"
          onSubmit={(event: FormEvent<HTMLFormElement>) => {
            event.preventDefault();
            void run<{ recoveryCodes: string[] }>("/api/auth/2fa/totp/enable", { code: code.replace(/\s/g, "") }, (data) => {
              setSetup(null);
              setCode("");
              setCodes(data.recoveryCodes);
              setEnabled(true);
            });
          }}
        >
          <p className="text-sm text-slate-700">{t.strong.scan}</p>
          {/* Drawn on the server from the otpauth URI; no outside service sees the secret. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URI of an SVG holding the secret: nothing for next/image to resize, and it must not pass through an image cache. */}
          <img src={`data:image/svg+xml;base64,${btoa(setup.qrSvg)}`} alt={t.strong.qrAlt} width={192} height={192} className="rounded-lg border border-slate-200" />
          <p className="text-sm">
            {t.strong.manualKey}:{" "}
            <code data-testid="totp-secret" className="rounded bg-slate-100 px-1 font-mono break-all">
              {setup.secret}
            </code>
          </p>
          <Field label={t.strong.code} name="totp-code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(event) => setCode(event.target.value)} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
              {t.strong.enable}
            </Button>
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void cancelSetup()}>
              {t.strong.cancelSetup}
            </Button>
          </div>
        </Form>
      ) : !status.totpEnabled ? (
        <>
          <p className="text-sm text-slate-700">{t.strong.totpOff}</p>
          <Button ref={turnOn} type="button" className="self-start" busy={busy} onClick={() => void run<Setup>("/api/auth/2fa/totp/setup", undefined, setSetup)}>
            {t.strong.setUp}
          </Button>
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="totp-status">
            {format(t.strong.totpOn, { count: status.recoveryCodesLeft })}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() => void run<{ recoveryCodes: string[] }>("/api/auth/2fa/recovery-codes", undefined, (data) => setCodes(data.recoveryCodes))}
            >
              {t.strong.renewCodes}
            </Button>
            <Button type="button" variant="secondary" className="text-red-700" disabled={busy} onClick={() => void run("/api/auth/2fa/totp/disable", undefined, () => void load())}>
              {t.strong.disable}
            </Button>
          </div>
        </>
      )}
    </Panel>
  );
}
