"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { useStepUp } from "@/components/auth/step-up";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, PasswordField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import { loadPage } from "@/lib/client/navigation";
import type { Sections } from "@/lib/i18n/dictionaries";

const changePasswordSchema = lazySchema(async () => (await import("@/lib/validations/auth")).changePasswordSchema);
const setPasswordSchema = lazySchema(async () => (await import("@/lib/validations/auth")).setPasswordSchema);

type PasswordTexts = Sections<"apiErrors" | "common" | "password" | "signup" | "validation">;

// "Change password" for an account with one; "set a password" for one that signed up with a
// provider, which becomes "change password" once it is set.
export function PasswordForms({ t, email, hasPassword }: { t: PasswordTexts; email: string; hasPassword: boolean }) {
  const [justSet, setJustSet] = useState(false);
  const router = useRouter();
  if (hasPassword || justSet) return <ChangePasswordForm t={t} email={email} notice={justSet ? t.password.setDone : null} />;
  return (
    <SetPasswordForm
      t={t}
      email={email}
      onSet={() => {
        setJustSet(true);
        // The page's other parts that depend on a password (two-step verification) are the server's.
        router.refresh();
      }}
    />
  );
}

function ChangePasswordForm({ t, email, notice }: { t: PasswordTexts; email: string; notice: string | null }) {
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
      <h3 id="change-password-title" className="font-semibold">
        {t.password.changeTitle}
      </h3>
      {done ? <Alert tone="success">{t.password.changed}</Alert> : notice ? <Alert tone="success">{notice}</Alert> : null}
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

function SetPasswordForm({ t, email, onSet }: { t: PasswordTexts; email: string; onSet: () => void }) {
  const [newPassword, setNewPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);
  const withStepUp = useStepUp();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMismatch(newPassword !== confirm);
    if (newPassword !== confirm) return;
    // There is no current password to ask for: the recent proof (a provider round trip or a
    // passkey, asked for by the step-up dialog) is what shows it is the owner.
    const result = await withStepUp(() => submit("/api/auth/password/set", { schema: setPasswordSchema, json: { newPassword }, messages: { REAUTHENTICATION_REQUIRED: "" } }));
    if (result?.ok) onSet();
  }
  return (
    <Form
      onFocus={setPasswordSchema.warm}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="set-password-title"
      className="flex max-w-2xl flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h3 id="set-password-title" className="font-semibold">
        {t.password.setTitle}
      </h3>
      <p className="text-sm text-slate-700">{t.password.setBody}</p>
      {message ? <Alert>{message}</Alert> : null}
      <NewPasswordField
        t={t}
        clues={[email]}
        label={t.password.newPassword}
        name="newPassword"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={fields.newPassword}
      />
      <PasswordField
        label={t.password.confirmPassword}
        name="confirmPassword"
        showLabel={t.password.show}
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => setConfirm(event.target.value)}
        error={mismatch ? t.password.confirmMismatch : undefined}
      />
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.password.setSubmit}
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
      <h3 id="delete-account-title" className="font-semibold text-red-800">
        {t.password.deleteTitle}
      </h3>
      <p className="text-sm text-slate-700">{t.password.deleteBody}</p>
      {message ? <Alert>{message}</Alert> : null}
      <Button type="submit" variant="danger" busy={busy} busyLabel={t.common.submitting}>
        {t.password.deleteSubmit}
      </Button>
    </Form>
  );
}
