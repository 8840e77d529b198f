"use client";
import { useEffect, useState, type FormEvent } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { loadPage } from "@/lib/client/navigation";
import type { RecentFactor } from "@/lib/auth/recent-factors";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { type Locale } from "@/lib/i18n/locale";

const forgotPasswordSchema = lazySchema(async () => (await import("@/lib/validations/auth")).forgotPasswordSchema);
const resetPasswordSchema = lazySchema(async () => (await import("@/lib/validations/auth")).resetPasswordSchema);

export function ForgotPasswordForm({ t }: { t: Sections<"apiErrors" | "common" | "password" | "signup" | "validation"> }) {
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    if ((await submit("/api/auth/password/forgot", { schema: forgotPasswordSchema, json: { email } }))?.ok) setSent(true);
  }
  return (
    <Form onFocus={forgotPasswordSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {sent ? <Alert tone="success">{t.password.forgotSent}</Alert> : null}
      {message ? <Alert>{message}</Alert> : null}
      <Field label={t.common.email} name="email" type="email" autoComplete="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} />
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.password.forgotSubmit}
      </Button>
    </Form>
  );
}

// After "this wasn't me" (`secured`) every recent way in starts ticked: the user said the change
// was not theirs. From a plain reset they start unticked.
export function ResetPasswordForm({ t, locale, token, secured }: { t: Sections<"apiErrors" | "common" | "password" | "signup" | "validation">; locale: Locale; token: string; secured: boolean }) {
  const [password, setPassword] = useState("");
  const [recent, setRecent] = useState<RecentFactor[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const { busy, fields, message, submit } = useSubmit(t);
  useEffect(() => {
    let live = true;
    void api<{ recentFactors: RecentFactor[] }>("/api/auth/password/reset/review", { method: "POST", json: { token } }).then(
      (result) => {
        if (!live || !result.ok) return;
        setRecent(result.data.recentFactors);
        if (secured) setRemove(result.data.recentFactors.map((factor) => factor.id));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [token, secured]);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await submit("/api/auth/password/reset", { schema: resetPasswordSchema, json: { token, password, removeFactors: remove } }))?.ok) loadPage("/login?reason=reset");
  }
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
  return (
    <Form onFocus={resetPasswordSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message ? <Alert>{message}</Alert> : null}
      {fields.token ? (
        <Alert>
          {fields.token}{" "}
          <a href="/forgot-password" className="font-semibold underline">
            {t.password.forgotSubmit}
          </a>
        </Alert>
      ) : null}
      {recent.length ? (
        <fieldset className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3">
          <legend className="px-1 text-sm font-semibold text-amber-900">{t.password.recentTitle}</legend>
          <p className="text-sm text-amber-900">{t.password.recentBody}</p>
          {recent.map((factor) => (
            <label key={factor.id} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" checked={remove.includes(factor.id)} onChange={(event) => setRemove(event.target.checked ? [...remove, factor.id] : remove.filter((id) => id !== factor.id))} />
              <span>
                {t.password.recentKinds[factor.kind]}: {factor.name} · {format(t.password.recentAdded, { date: when(factor.addedAt) })}
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <NewPasswordField t={t} clues={[]} label={t.password.newPassword} name="password" value={password} onChange={(event) => setPassword(event.target.value)} error={fields.password} />
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.password.resetSubmit}
      </Button>
    </Form>
  );
}
