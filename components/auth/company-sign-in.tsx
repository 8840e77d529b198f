"use client";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { loadPage } from "@/lib/client/navigation";
import type { Sections } from "@/lib/i18n/dictionaries";

const startSchema = lazySchema(async () => (await import("@/lib/validations/sso")).ssoStartSchema);

// "Sign in with your company": the work address decides the company (lib/auth/sso/sign-in.ts);
// any address without one gets the same answer.
export function CompanySignIn({ t, next }: { t: Sections<"apiErrors" | "common" | "sso" | "validation">; next: string }) {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState("");
  const [leaving, setLeaving] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit<{ url: string }>("/api/auth/sso/start", { schema: startSchema, json: { email, next } });
    if (result?.ok) {
      setLeaving(true);
      loadPage(result.data.url);
    }
  }

  if (!open) {
    return (
      <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
        {t.sso.button}
      </Button>
    );
  }
  return (
    <Form aria-label={t.sso.button} onFocus={startSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
      <p className="text-sm text-slate-700">{t.sso.intro}</p>
      {message ? <Alert>{message}</Alert> : null}
      <Field label={t.sso.email} name="sso-email" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} required />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || leaving} aria-busy={busy || leaving || undefined}>
          {leaving ? t.sso.redirecting : t.sso.continue}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t.sso.cancel}
        </Button>
      </div>
    </Form>
  );
}
