"use client";
import { useState, type FormEvent } from "react";
import { SecondFactorField } from "@/components/auth/second-factor-field";
import { lazySchema, useSubmit } from "@/components/auth/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import type { Dictionary } from "@/lib/i18n/dictionaries";

const secondStepSchema = lazySchema(async () => (await import("@/lib/validations/strong-auth")).secondStepSchema);

// The code from the authenticator app (or a recovery code) after a correct password.
export function SecondStepForm({ t, next, onExpired }: { t: Dictionary; next: string; onExpired: () => void }) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState("");
  const { busy, fields, message, submit } = useSubmit(t);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit("/api/auth/2fa/verify", secondStepSchema, useRecovery ? { recoveryCode: code } : { code: code.replace(/\s/g, "") });
    if (result?.ok) window.location.assign(next);
    // The pending sign-in lapsed (5 minutes): start again from the password.
    else if (result?.status === 401) onExpired();
  }

  return (
    <Form onFocus={secondStepSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-labelledby="second-step-title">
      <h2 id="second-step-title" className="text-lg font-semibold">
        {t.strong.secondStepTitle}
      </h2>
      <p className="text-sm text-slate-700">{t.strong.secondStepBody}</p>
      {message ? <Alert>{message}</Alert> : null}
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
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.strong.verify}
      </Button>
    </Form>
  );
}
