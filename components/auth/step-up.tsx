"use client";
import type { startAuthentication } from "@simplewebauthn/browser";
import { createContext, useCallback, useContext, useEffect, useState, type FormEvent, type ReactNode } from "react";
import { SecondFactorField } from "@/components/auth/second-factor-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Skeleton, SkeletonRegion } from "@/components/ui/skeleton";
import type { StepUpStatus } from "@/lib/auth/step-up";
import { api, type ApiResult } from "@/lib/client/api";
import { errorMessage, firstProblem } from "@/lib/client/error-message";
import { loadPage } from "@/lib/client/navigation";
import { startSocialSignIn } from "@/lib/client/social";
import { format, type Sections } from "@/lib/i18n/dictionaries";

// Runs a call that may need a recent proof of identity (lib/auth/step-up.ts): when the server asks
// for one, the step-up dialog asks the user, then the call runs again and its answer is the
// caller's; null when the user cancelled the dialog.
export type WithStepUp = <T>(call: () => Promise<ApiResult<T> | null>) => Promise<ApiResult<T> | null>;

const StepUpContext = createContext<WithStepUp | null>(null);

export function useStepUp(): WithStepUp {
  const withStepUp = useContext(StepUpContext);
  if (!withStepUp) throw new Error("useStepUp needs a StepUpProvider above it");
  return withStepUp;
}

export function needsStepUp(result: ApiResult<unknown> | null): boolean {
  return result !== null && !result.ok && result.code === "REAUTHENTICATION_REQUIRED";
}

export function StepUpProvider({ t, children }: { t: Sections<"apiErrors" | "common" | "dashboard" | "social" | "stepUp" | "strong">; children: ReactNode }) {
  const [answer, setAnswer] = useState<((proven: boolean) => void) | null>(null);
  const ask = useCallback(() => new Promise<boolean>((resolve) => setAnswer(() => resolve)), []);
  const withStepUp = useCallback<WithStepUp>(
    async (call) => {
      const first = await call();
      if (!needsStepUp(first)) return first;
      return (await ask()) ? call() : null;
    },
    [ask],
  );
  return (
    <StepUpContext value={withStepUp}>
      {children}
      {answer ? (
        <StepUpDialog
          t={t}
          onDone={(proven) => {
            answer(proven);
            setAnswer(null);
          }}
        />
      ) : null}
    </StepUpContext>
  );
}

type PasskeyOptions = Parameters<typeof startAuthentication>[0]["optionsJSON"];

function StepUpDialog({ t, onDone }: { t: Sections<"apiErrors" | "common" | "dashboard" | "social" | "stepUp" | "strong">; onDone: (proven: boolean) => void }) {
  const [status, setStatus] = useState<StepUpStatus | null>(null);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [useRecovery, setUseRecovery] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api<StepUpStatus>("/api/auth/reauth").then(
      (result) => live && (result.ok ? setStatus(result.data) : setMessage(errorMessage(t, result))),
      () => live && setMessage(t.common.networkError),
    );
    return () => {
      live = false;
    };
  }, [t]);

  const secondFactor = (): Record<string, string> => (status?.totp ? (useRecovery ? { recoveryCode: code.trim() } : { code: code.replace(/\s/g, "") }) : {});

  async function attempt(run: () => Promise<ApiResult<unknown> | null>) {
    setBusy(true);
    setMessage(null);
    setFields({});
    try {
      const result = await run();
      if (result?.ok) return onDone(true);
      if (result) {
        setFields(result.fields);
        if (Object.keys(result.fields).length === 0) setMessage(firstProblem(t, result));
      }
    } catch {
      // A cancelled passkey prompt, or the network.
      setMessage(t.stepUp.failed);
    } finally {
      setBusy(false);
    }
  }

  function withPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void attempt(() => api("/api/auth/reauth", { method: "POST", json: { password, ...secondFactor() } }));
  }

  function withPasskey() {
    void attempt(async () => {
      const [options, webauthn] = await Promise.all([api<PasskeyOptions>("/api/auth/reauth/passkey/options", { method: "POST" }), import("@simplewebauthn/browser")]);
      if (!options.ok) return options;
      const response = await webauthn.startAuthentication({ optionsJSON: options.data });
      return api("/api/auth/reauth/passkey", { method: "POST", json: { response } });
    });
  }

  // The page leaves for the provider and comes back to settings, which says the proof is done.
  function withProvider(provider: StepUpStatus["providers"][number]) {
    setBusy(true);
    const call = async (path: string, init?: { method: "POST"; json: unknown }) => {
      const result = await api<unknown>(path, init);
      if (!result.ok && Object.keys(result.fields).length) setFields(result.fields);
      return { ok: result.ok, data: result.ok ? result.data : undefined };
    };
    void startSocialSignIn(provider, { flow: "reauth", proof: secondFactor() }, call).then((left) => {
      if (!left) {
        setBusy(false);
        setMessage(t.stepUp.failed);
      }
    });
  }

  // The same, at the company's identity provider.
  function withCompany() {
    void attempt(async () => {
      const result = await api<{ url: string }>("/api/auth/reauth/company", { method: "POST", json: secondFactor() });
      if (!result.ok) return result;
      loadPage(result.data.url);
      return null;
    });
  }

  const codeField = status?.totp ? (
    <SecondFactorField t={t} recovery={useRecovery} onSwitch={() => setUseRecovery(!useRecovery)} value={code} onChange={setCode} error={useRecovery ? fields.recoveryCode : fields.code} />
  ) : null;

  return (
    <Dialog title={t.stepUp.title} onClose={() => onDone(false)}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t.stepUp.body}</p>
        {message ? <Alert>{message}</Alert> : null}
        {status === null ? (
          <SkeletonRegion label={t.dashboard.loading} className="flex flex-col gap-3">
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-11 w-full rounded-lg" />
            <Skeleton className="h-11 w-full rounded-lg" />
          </SkeletonRegion>
        ) : null}
        {status?.password ? (
          <Form onSubmit={withPassword} noValidate className="flex flex-col gap-3">
            <Field
              label={t.common.password}
              name="step-up-password"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={fields.password}
            />
            {codeField}
            <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
              {t.stepUp.confirm}
            </Button>
          </Form>
        ) : null}
        {status && !status.password && (status.providers.length || status.company) ? (
          <div className="flex flex-col gap-2">
            {codeField}
            {status.company ? (
              <Button type="button" variant="secondary" disabled={busy} onClick={withCompany}>
                {t.stepUp.withCompany}
              </Button>
            ) : null}
            {status.providers.map((provider) => (
              <Button key={provider} type="button" variant="secondary" disabled={busy} onClick={() => withProvider(provider)}>
                {format(t.stepUp.withProvider, { provider: t.social.names[provider] })}
              </Button>
            ))}
          </div>
        ) : null}
        {status?.passkey ? (
          <Button type="button" variant="secondary" disabled={busy} onClick={withPasskey}>
            {t.stepUp.withPasskey}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          {t.stepUp.cancel}
        </Button>
      </div>
    </Dialog>
  );
}
