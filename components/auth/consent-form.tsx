"use client";
import { useState, type FormEvent } from "react";
import { ConsentFieldset, type Consents } from "@/components/auth/consent-fieldset";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import type { Sections } from "@/lib/i18n/dictionaries";
import { loadPage } from "@/lib/client/navigation";

const consentsSchema = lazySchema(async () => (await import("@/lib/validations/auth")).consentsSchema);

// New terms or a new privacy policy: accepted again before the planner opens (marketing stays
// what the user chose, and can be changed here too).
export function ConsentForm({ t, next, marketing }: { t: Sections<"apiErrors" | "common" | "consent" | "signup" | "validation">; next: string; marketing: boolean }) {
  const [consents, setConsents] = useState<Consents>({ terms: false, privacy: false, marketing });
  const { busy, fields, message, submit } = useSubmit(t);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await submit("/api/auth/consents", { schema: consentsSchema, json: consents }))?.ok) loadPage(next);
  }
  return (
    <Form onFocus={consentsSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {message ? <Alert>{message}</Alert> : null}
      <ConsentFieldset t={t} consents={consents} onChange={setConsents} fields={{ "consents.terms": fields.terms ?? "", "consents.privacy": fields.privacy ?? "" }} />
      <Button type="submit" busy={busy} busyLabel={t.common.submitting}>
        {t.consent.submit}
      </Button>
    </Form>
  );
}
