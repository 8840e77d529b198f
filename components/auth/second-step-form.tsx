"use client";
import { useState, type FormEvent } from "react";
import { SecondFactorField } from "@/components/auth/second-factor-field";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import type { SecondStep } from "@/lib/auth/accounts";
import type { Sections } from "@/lib/i18n/dictionaries";
import { loadPage } from "@/lib/client/navigation";

const secondStepSchema = lazySchema(async () => (await import("@/lib/validations/strong-auth")).secondStepSchema);

// After a correct password: the code from the authenticator app (or a recovery code), with "trust
// this device"; or, from a device the account does not know, the code mailed to the account.
export function SecondStepForm({
  t,
  next,
  method,
  onExpired,
  onOtherAccount,
}: {
  t: Sections<"apiErrors" | "common" | "login" | "strong" | "validation">;
  next: string;
  method: SecondStep;
  onExpired: () => void;
  onOtherAccount: () => Promise<void>;
}) {
  const [leaving, setLeaving] = useState(false);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [trust, setTrust] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);
  const compact = code.replace(/\s/g, "");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = method === "email" ? { emailCode: compact } : useRecovery ? { recoveryCode: code, trustDevice: trust } : { code: compact, trustDevice: trust };
    const result = await submit("/api/auth/2fa/verify", { schema: secondStepSchema, json: body });
    if (result?.ok) loadPage(next);
    // The pending sign-in lapsed (5 minutes): start again from the password.
    else if (result?.status === 401) onExpired();
  }

  return (
    <Form onFocus={secondStepSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="second-step-title">
      <h2 id="second-step-title" className="text-lg font-semibold">
        {method === "email" ? t.strong.emailStepTitle : t.strong.secondStepTitle}
      </h2>
      <p className="text-sm text-slate-700">{method === "email" ? t.strong.emailStepBody : t.strong.secondStepBody}</p>
      {message ? <Alert>{message}</Alert> : null}
      {method === "email" ? (
        <Field
          label={t.strong.emailCode}
          name="emailCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={fields.emailCode}
        />
      ) : (
        <>
          <SecondFactorField
            t={t}
            recovery={useRecovery}
            onSwitch={() => {
              setUseRecovery(!useRecovery);
              setCode("");
            }}
            value={code}
            onChange={setCode}
            error={useRecovery ? fields.recoveryCode : fields.code}
            autoFocus
          />
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" className="mt-1" checked={trust} onChange={(event) => setTrust(event.target.checked)} />
            <span>{t.strong.trustDevice}</span>
          </label>
        </>
      )}
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.strong.verify}
      </Button>
      <Button
        type="button"
        variant="secondary"
        busy={leaving}
        onClick={() => {
          setLeaving(true);
          void onOtherAccount();
        }}
      >
        {t.login.useAnotherAccount}
      </Button>
    </Form>
  );
}
