"use client";
import { useState, type FormEvent } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { useStepUp } from "@/components/auth/step-up";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { loadPage } from "@/lib/client/navigation";
import type { Sections } from "@/lib/i18n/dictionaries";

const changePasswordSchema = lazySchema(async () => (await import("@/lib/validations/auth")).changePasswordSchema);

export function ChangePasswordForm({ t, email }: { t: Sections<"apiErrors" | "common" | "password" | "signup" | "validation">; email: string }) {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [done, setDone] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);
  const withStepUp = useStepUp();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    // Changing the password changes how the account signs in: a recent proof is due (the step-up
    // dialog asks), beside the current password the form itself asks for.
    const result = await withStepUp(() => submit("/api/auth/password/change", { schema: changePasswordSchema, json: { currentPassword, newPassword }, messages: { REAUTHENTICATION_REQUIRED: "" } }));
    if (result?.ok) {
      setDone(true);
      setCurrentPassword("");
      setNewPassword("");
    }
  }
  return (
    <Form
      onFocus={changePasswordSchema.warm}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="change-password-title"
      className="flex max-w-2xl flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id="change-password-title" className="font-semibold">
        {t.password.changeTitle}
      </h2>
      {done ? <Alert tone="success">{t.password.changed}</Alert> : null}
      {message ? <Alert>{message}</Alert> : null}
      <Field
        label={t.password.currentPassword}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={fields.currentPassword}
      />
      <NewPasswordField
        t={t}
        clues={[email]}
        label={t.password.newPassword}
        name="newPassword"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={fields.newPassword}
      />
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.password.changeSubmit}
      </Button>
    </Form>
  );
}

export function DeleteAccountForm({ t }: { t: Sections<"apiErrors" | "common" | "password" | "signup" | "validation"> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const withStepUp = useStepUp();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t.password.deleteConfirm)) return;
    setBusy(true);
    setMessage(null);
    try {
      const result = await withStepUp(() => api("/api/auth/account", { method: "DELETE" }));
      if (result?.ok) loadPage("/");
      else if (result) setMessage(errorMessage(t, result));
    } catch {
      setMessage(t.common.networkError);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form onSubmit={onSubmit} noValidate aria-labelledby="delete-account-title" className="flex max-w-2xl flex-col gap-3 rounded-xl border border-red-200 bg-white p-4">
      <h2 id="delete-account-title" className="font-semibold text-red-800">
        {t.password.deleteTitle}
      </h2>
      <p className="text-sm text-slate-700">{t.password.deleteBody}</p>
      {message ? <Alert>{message}</Alert> : null}
      <Button type="submit" variant="danger" busy={busy} busyLabel={t.common.submitting}>
        {t.password.deleteSubmit}
      </Button>
    </Form>
  );
}
