"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { api } from "@/lib/client/api";
import { errorMessage } from "@/lib/client/error-message";
import type { Dictionary } from "@/lib/i18n/dictionaries";

// Unlock an address or end every session of a user; both need a reason for the audit log.
export function UserActionForm({ t, initialEmail = "" }: { t: Dictionary; initialEmail?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState(initialEmail);
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const withStepUp = useStepUp();

  async function act(path: string, notFound: string) {
    setBusy(true);
    setResult(null);
    try {
      // Every admin action needs a recent proof of identity: the step-up dialog asks when it is due.
      const response = await withStepUp(() => api(path, { method: "POST", json: { email, reason } }));
      if (!response) return;
      setFields(response.ok ? {} : response.fields);
      setResult(response.ok ? { tone: "success", text: t.admin.actionDone } : { tone: "error", text: errorMessage(t, response, { NOT_FOUND: notFound }) });
      if (response.ok) {
        setReason("");
        router.refresh();
      }
    } catch {
      setResult({ tone: "error", text: t.common.networkError });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form
      aria-label={t.admin.userActions}
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => event.preventDefault()}
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 className="font-semibold">{t.admin.userActions}</h2>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
      <Field label={t.admin.email} name="admin-email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} error={fields.email} />
      <Field label={t.admin.reason} name="admin-reason" value={reason} onChange={(event) => setReason(event.target.value)} error={fields.reason} maxLength={500} />
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={() => void act("/api/admin/users/unlock", t.admin.notLocked)}>
          {t.admin.unlock}
        </Button>
        <Button type="button" variant="secondary" className="text-red-700" disabled={busy} onClick={() => void act("/api/admin/users/revoke-sessions", t.admin.noSuchUser)}>
          {t.admin.revoke}
        </Button>
      </div>
    </Form>
  );
}
