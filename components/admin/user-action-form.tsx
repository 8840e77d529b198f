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
import type { Sections } from "@/lib/i18n/dictionaries";

// What an administrator can do to an account; every action needs a reason for the audit log.
export type UserAction = "unlock" | "revoke" | "disable" | "enable";

const PATHS: Record<UserAction, string> = {
  unlock: "/api/admin/users/unlock",
  revoke: "/api/admin/users/revoke-sessions",
  disable: "/api/admin/users/disable",
  enable: "/api/admin/users/enable",
};

export function UserActionForm({ t, email: chosen = "", actions }: { t: Sections<"admin" | "apiErrors" | "common">; email?: string; actions: UserAction[] }) {
  const router = useRouter();
  const [email, setEmail] = useState(chosen);
  const [shown, setShown] = useState(chosen);
  const [reason, setReason] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const withStepUp = useStepUp();
  // A choice made in the table beside the form replaces what was typed.
  if (chosen !== shown) {
    setShown(chosen);
    setEmail(chosen);
  }
  const labels: Record<UserAction, string> = { unlock: t.admin.unlock, revoke: t.admin.revoke, disable: t.admin.disable, enable: t.admin.enable };
  const notFound: Record<UserAction, string> = { unlock: t.admin.notLocked, revoke: t.admin.noSuchUser, disable: t.admin.noSuchUser, enable: t.admin.noSuchUser };

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
        {actions.map((action) => (
          <Button
            key={action}
            type="button"
            variant={action === "unlock" || action === "enable" ? "primary" : "secondary"}
            className={action === "revoke" || action === "disable" ? "text-red-700" : ""}
            disabled={busy}
            onClick={() => void act(PATHS[action], notFound[action])}
          >
            {labels[action]}
          </Button>
        ))}
      </div>
    </Form>
  );
}
