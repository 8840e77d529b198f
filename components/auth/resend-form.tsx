"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Form } from "@/components/ui/form";
import type { Sections } from "@/lib/i18n/dictionaries";

const resendSchema = lazySchema(async () => (await import("@/lib/validations/auth")).resendSchema);

export function ResendForm({ t, initialEmail, label }: { t: Sections<"apiErrors" | "common" | "validation" | "verifyRequired">; initialEmail: string; label: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    const result = await submit("/api/auth/verify/resend", { schema: resendSchema, json: { email } });
    if (result?.ok) setSent(true);
  }

  return (
    <Form onFocus={resendSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {sent ? <Alert tone="success">{t.verifyRequired.sent}</Alert> : null}
      {message ? <Alert>{message}</Alert> : null}
      <Field label={t.common.email} name="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} />
      <Button type="submit" variant="secondary" busy={busy} busyLabel={t.common.submitting}>
        {label}
      </Button>
    </Form>
  );
}
