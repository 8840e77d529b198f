"use client";
import { useState, type FormEvent } from "react";
import { ConsentFieldset, type Consents } from "@/components/auth/consent-fieldset";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import type { OnboardingView } from "@/lib/auth/onboarding";
import { api } from "@/lib/client/api";
import { loadPage } from "@/lib/client/navigation";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { instantToZoned } from "@/lib/planner/dates";

const emailCodeRequestSchema = lazySchema(async () => (await import("@/lib/validations/social")).emailCodeRequestSchema);
const emailCodeSchema = lazySchema(async () => (await import("@/lib/validations/social")).emailCodeSchema);
const linkAccountSchema = lazySchema(async () => (await import("@/lib/validations/social")).linkAccountSchema);
const onboardingSchema = lazySchema(async () => (await import("@/lib/validations/social")).onboardingSchema);

// A lapsed onboarding (30 minutes) starts again from the provider.
function restart() {
  loadPage("/login?oauth_error=expired");
}

function finish(result: { ok: boolean; status: number; data?: unknown }) {
  const mfa = result.ok && typeof result.data === "object" && result.data !== null && "mfaRequired" in result.data;
  loadPage(mfa ? "/login?step=2fa" : "/dashboard");
}

// The e-mail step: an address (the provider's unverified one, or none) and the code mailed to it.
function EmailStep({
  t,
  view,
  onVerified,
  purpose,
}: {
  t: Sections<"apiErrors" | "common" | "login" | "signup" | "social" | "validation">;
  view: OnboardingView;
  onVerified: (view: OnboardingView) => void;
  purpose: "signup" | "link";
}) {
  const [email, setEmail] = useState(view.email ?? "");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const { busy, fields, message, submit } = useSubmit(t);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit("/api/auth/onboarding/email", { schema: emailCodeRequestSchema, json: { email } });
    if (result?.ok) setSentTo(email.trim().toLowerCase());
    else if (result?.status === 401) restart();
  }

  async function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit<{ onboarding: OnboardingView }>("/api/auth/onboarding/email/verify", { schema: emailCodeSchema, json: { code } });
    if (result?.ok) onVerified(result.data.onboarding);
    else if (result?.status === 401) restart();
  }

  return (
    <div className="flex flex-col gap-3">
      {message ? <Alert>{message}</Alert> : null}
      {sentTo === null ? (
        <Form onFocus={emailCodeRequestSchema.warm} onSubmit={send} noValidate className="flex flex-col gap-3">
          {purpose === "signup" ? (
            <Field label={t.social.emailTitle} name="email" type="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} />
          ) : null}
          <Button type="submit" variant={purpose === "link" ? "secondary" : "primary"} busy={busy} busyLabel={t.common.submitting}>
            {purpose === "link" ? format(t.social.linkWithCode, { email }) : t.social.sendCode}
          </Button>
        </Form>
      ) : (
        <Form onFocus={emailCodeSchema.warm} onSubmit={verify} noValidate className="flex flex-col gap-3">
          <Alert tone="info">{format(t.social.codeSent, { email: sentTo })}</Alert>
          <Field label={t.social.code} name="code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={(event) => setCode(event.target.value)} error={fields.code} />
          <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
            {t.social.verifyCode}
          </Button>
          {purpose === "signup" ? (
            <Button type="button" variant="secondary" onClick={() => setSentTo(null)}>
              {t.social.useAnotherEmail}
            </Button>
          ) : null}
        </Form>
      )}
    </div>
  );
}

// An account already owns the verified address: link to it with its password or a mailed code.
function LinkStep({
  t,
  view,
  provider,
  onVerified,
}: {
  t: Sections<"apiErrors" | "common" | "login" | "signup" | "social" | "validation">;
  view: OnboardingView;
  provider: string;
  onVerified: (view: OnboardingView) => void;
}) {
  const [password, setPassword] = useState("");
  const { busy, fields, message, submit } = useSubmit(t);
  const existing = view.existingAccount;

  async function link(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = existing?.provenByCode ? {} : { password };
    const result = await submit("/api/auth/onboarding/link", {
      schema: linkAccountSchema,
      json: body,
      messages: { INVALID_CREDENTIALS: t.validation.passwordWrong, EMAIL_NOT_VERIFIED: t.login.notVerified },
    });
    if (result?.ok) finish(result);
    else if (result?.status === 401 && result.code !== "INVALID_CREDENTIALS") restart();
  }

  return (
    <section aria-labelledby="existing-title" className="flex flex-col gap-3">
      <h2 id="existing-title" className="text-lg font-semibold">
        {t.social.existingTitle}
      </h2>
      <p className="text-sm text-slate-700">{format(t.social.existingBody, { email: view.email ?? "", provider })}</p>
      {message ? <Alert>{message}</Alert> : null}
      <Form onFocus={linkAccountSchema.warm} onSubmit={link} noValidate className="flex flex-col gap-3">
        {existing?.provenByCode ? (
          <Alert tone="success">{t.social.existingProven}</Alert>
        ) : existing?.hasPassword ? (
          <Field
            label={t.common.password}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fields.password}
          />
        ) : null}
        {existing?.provenByCode || existing?.hasPassword ? (
          <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
            {existing.provenByCode ? t.social.link : t.social.linkWithPassword}
          </Button>
        ) : null}
      </Form>
      {existing?.provenByCode ? null : <EmailStep t={t} view={view} onVerified={onVerified} purpose="link" />}
    </section>
  );
}

export function OnboardingForm({ t, timeZone, initial }: { t: Sections<"apiErrors" | "common" | "login" | "signup" | "social" | "validation">; timeZone: string; initial: OnboardingView }) {
  const [view, setView] = useState(initial);
  const [nickname, setNickname] = useState((initial.name ?? "").slice(0, 30));
  const [consents, setConsents] = useState<Consents>({ terms: false, privacy: false, marketing: false });
  const { busy, fields, message, submit } = useSubmit(t);
  const provider = view.provider === "sso" ? (view.connectionName ?? "SSO") : t.social.names[view.provider];
  // On the 24-hour clock: "오후 4:58" needs Korean day periods, which some servers' ICU lacks, so the
  // server's "PM 4:58" would not match the browser's text as the page hydrates.
  const until = instantToZoned(new Date(view.expiresAt), timeZone).time;

  async function reload() {
    const result = await api<{ onboarding: OnboardingView }>("/api/auth/onboarding");
    if (result.ok) setView(result.data.onboarding);
    else if (result.status === 401) restart();
  }

  async function complete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit("/api/auth/onboarding", { schema: onboardingSchema, json: { nickname, consents } });
    if (result?.ok) finish(result);
    else if (result?.status === 401) restart();
    // Someone registered the address meanwhile: the page turns into the link step.
    else if (result?.status === 409) await reload();
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{format(t.social.onboardingIntro, { provider })}</p>
      <p className="text-sm text-slate-600">{format(t.social.onboardingExpires, { time: until })}</p>
      {view.existingAccount ? (
        <LinkStep t={t} view={view} provider={provider} onVerified={setView} />
      ) : !view.emailVerified ? (
        <section aria-labelledby="email-title" className="flex flex-col gap-3">
          <h2 id="email-title" className="text-lg font-semibold">
            {t.social.emailTitle}
          </h2>
          <p className="text-sm text-slate-700">{format(t.social.emailNeeded, { provider })}</p>
          <EmailStep t={t} view={view} onVerified={setView} purpose="signup" />
        </section>
      ) : (
        <Form onFocus={onboardingSchema.warm} onSubmit={complete} noValidate className="flex flex-col gap-4">
          {message ? <Alert>{message}</Alert> : null}
          <p className="text-sm text-slate-700">{format(t.social.emailVerified, { email: view.email ?? "" })}</p>
          {view.replacesUnconfirmed ? <Alert tone="info">{t.social.replacesUnconfirmed}</Alert> : null}
          <Field
            label={t.common.nickname}
            name="nickname"
            autoComplete="nickname"
            required
            maxLength={30}
            value={nickname}
            onChange={(event) => setNickname(event.target.value)}
            error={fields.nickname}
          />
          <ConsentFieldset t={t} consents={consents} onChange={setConsents} fields={fields} />
          <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
            {t.social.submit}
          </Button>
        </Form>
      )}
    </div>
  );
}
