"use client";
import { useState, type FormEvent } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Panel } from "@/components/ui/panel";
import type { PendingEmailChange } from "@/lib/auth/email-change";
import { format, type Sections } from "@/lib/i18n/dictionaries";

const emailChangeSchema = lazySchema(async () => (await import("@/lib/validations/auth")).emailChangeSchema);

// A new address is used only once the link mailed to it is pressed; the old one can undo it for a week.
export function EmailChangeForm({ t, current, pending: initialPending }: { t: Sections<"apiErrors" | "common" | "settings" | "validation">; current: string; pending: PendingEmailChange | null }) {
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(initialPending?.newEmail ?? null);
  const { busy, fields, message, submit } = useSubmit(t);
  const withStepUp = useStepUp();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await withStepUp(() => submit("/api/auth/email/change", { schema: emailChangeSchema, json: { email }, messages: { REAUTHENTICATION_REQUIRED: "" } }));
    if (result?.ok) {
      setPending(email.trim().toLowerCase());
      setEmail("");
    }
  }
  return (
    <Panel title={t.settings.emailTitle}>
      <Form onFocus={emailChangeSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <p className="text-sm text-slate-700">{format(t.settings.emailCurrent, { email: current })}</p>
        {pending ? <Alert tone="info">{format(t.settings.emailPending, { email: pending })}</Alert> : null}
        {message ? <Alert>{message}</Alert> : null}
        <Field label={t.settings.emailNew} name="newEmail" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} />
        <Button type="submit" className="self-start" busy={busy} busyLabel={t.common.submitting}>
          {t.settings.emailSubmit}
        </Button>
      </Form>
    </Panel>
  );
}
