"use client";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, PasswordField } from "@/components/ui/field";
import { PasskeyLoginButton } from "@/components/auth/passkey-login-button";
import { SecondStepForm } from "@/components/auth/second-step-form";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Form } from "@/components/ui/form";
import type { SecondStep } from "@/lib/auth/accounts";
import type { Sections } from "@/lib/i18n/dictionaries";
import { api } from "@/lib/client/api";
import { loadPage } from "@/lib/client/navigation";

const loginSchema = lazySchema(async () => (await import("@/lib/validations/auth")).loginSchema);

export function LoginForm({
  t,
  next,
  notice,
  error,
  secondStep: startAtSecondStep = false,
  providers,
}: {
  t: Sections<"apiErrors" | "common" | "login" | "password" | "strong" | "validation">;
  next: string;
  notice?: string;
  error?: string;
  secondStep?: boolean;
  providers?: ReactNode;
}) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [needsVerification, setNeedsVerification] = useState(false);
  // A provider sign-in comes back here for the authenticator code (?step=2fa); a password may lead
  // to either second step.
  const [secondStep, setSecondStep] = useState<SecondStep | null>(startAtSecondStep ? "totp" : null);
  const { busy, fields, message, setMessage, submit } = useSubmit(t);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNeedsVerification(false);
    const result = await submit<{ mfaRequired?: boolean; method?: SecondStep }>("/api/auth/login", {
      schema: loginSchema,
      json: { email, password },
      messages: { INVALID_CREDENTIALS: t.login.invalid, EMAIL_NOT_VERIFIED: t.login.notVerified },
    });
    if (!result) return;
    if (result.ok) {
      if (result.data.mfaRequired) {
        setSecondStep(result.data.method ?? "totp");
        return;
      }
      // A full navigation, so the middleware sees the new cookies and the server renders signed in.
      loadPage(next);
      return;
    }
    if (result.code === "EMAIL_NOT_VERIFIED") setNeedsVerification(true);
  }

  function backToFirstStep() {
    setSecondStep(null);
    setPassword("");
  }

  if (secondStep) {
    return (
      <SecondStepForm
        t={t}
        next={next}
        method={secondStep}
        onExpired={() => {
          backToFirstStep();
          setMessage(t.login.sessionEnded);
        }}
        onOtherAccount={async () => {
          // The pending sign-in ends on the server first (its cookie is HttpOnly); a failure
          // leaves a cookie that lapses in minutes and that the next sign-in replaces.
          await api("/api/auth/2fa/pending", { method: "DELETE" }).catch(() => null);
          backToFirstStep();
          setEmail("");
          setMessage(null);
          // A provider's second step came with ?step=2fa: the address no longer names one.
          const address = new URL(window.location.href);
          address.searchParams.delete("step");
          window.history.replaceState(null, "", address);
        }}
      />
    );
  }

  return (
    <>
      {providers}
      <Form onFocus={loginSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        {error && !message ? <Alert>{error}</Alert> : null}
        {notice && !message && !error ? <Alert tone="info">{notice}</Alert> : null}
        {message ? <Alert>{message}</Alert> : null}
        {needsVerification ? (
          <Link href={`/verify-required?email=${encodeURIComponent(email)}`} className="text-sm font-semibold text-teal-800 underline">
            {t.login.resend}
          </Link>
        ) : null}
        <Field label={t.common.email} name="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} />
        <PasswordField
          label={t.common.password}
          name="password"
          showLabel={t.password.show}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fields.password}
        />
        <Link href="/forgot-password" className="self-end text-sm font-semibold text-teal-800 underline">
          {t.password.forgotLink}
        </Link>
        <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
          {t.login.submit}
        </Button>
        <PasskeyLoginButton t={t} next={next} />
        <p className="text-sm text-slate-700">
          {t.login.noAccount}{" "}
          <Link href="/signup" className="font-semibold text-teal-800 underline">
            {t.common.signup}
          </Link>
        </p>
      </Form>
    </>
  );
}
