"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ConsentFieldset } from "@/components/auth/consent-fieldset";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Form } from "@/components/ui/form";
import { suggestEmail } from "@/lib/email-suggestion";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { PASSWORD_MIN } from "@/lib/validations/password-rules";

const signupSchema = lazySchema(async () => (await import("@/lib/validations/auth")).signupSchema);

export function SignupForm({ t }: { t: Sections<"apiErrors" | "common" | "password" | "signup" | "validation"> }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [nickname, setNickname] = useState("");
  const [consents, setConsents] = useState({ terms: false, privacy: false, marketing: false });
  const { busy, fields, message, submit } = useSubmit(t);
  // Offered once the address has been left, not while it is still being typed.
  const [emailLeft, setEmailLeft] = useState(false);
  const suggestion = emailLeft ? suggestEmail(email) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await submit("/api/auth/signup", { schema: signupSchema, json: { email, password, nickname, consents } });
    if (result?.ok) router.push(`/verify-required?email=${encodeURIComponent(email.trim().toLowerCase())}`);
  }

  return (
    <Form onFocus={signupSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message ? <Alert>{message}</Alert> : null}
      <div className="flex flex-col gap-1">
        <Field
          label={t.common.email}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          onBlur={() => setEmailLeft(true)}
          error={fields.email}
        />
        <div aria-live="polite">
          {suggestion ? (
            <p className="text-sm text-slate-700">
              {t.signup.emailSuggestion}{" "}
              <button
                type="button"
                onClick={() => setEmail(suggestion)}
                aria-label={format(t.signup.emailSuggestionUse, { email: suggestion })}
                className="rounded font-semibold text-teal-800 underline focus-visible:outline-2 focus-visible:outline-teal-700"
              >
                {suggestion}
              </button>
            </p>
          ) : null}
        </div>
      </div>
      <NewPasswordField
        t={t}
        clues={[email, nickname]}
        label={t.common.password}
        name="password"
        required
        minLength={PASSWORD_MIN}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fields.password}
      />
      <Field label={t.common.nickname} name="nickname" autoComplete="nickname" required maxLength={30} value={nickname} onChange={(event) => setNickname(event.target.value)} error={fields.nickname} />
      <ConsentFieldset t={t} consents={consents} onChange={setConsents} fields={fields} />
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.signup.submit}
      </Button>
      <p className="text-sm text-slate-700">
        {t.signup.haveAccount}{" "}
        <Link href="/login" className="font-semibold text-teal-800 underline">
          {t.common.login}
        </Link>
      </p>
    </Form>
  );
}
