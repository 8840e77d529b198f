"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { lazySchema, useSubmit } from "@/components/ui/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Panel } from "@/components/ui/panel";
import type { PublicUser } from "@/lib/auth/accounts";
import type { Sections } from "@/lib/i18n/dictionaries";

const profileUpdateSchema = lazySchema(async () => (await import("@/lib/validations/auth")).profileUpdateSchema);

export function ProfileForm({ t, user }: { t: Sections<"apiErrors" | "common" | "settings" | "validation">; user: Pick<PublicUser, "email" | "nickname"> }) {
  const router = useRouter();
  const [nickname, setNickname] = useState(user.nickname);
  const [saved, setSaved] = useState(false);
  const { busy, fields, message, submit } = useSubmit(t);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const result = await submit<PublicUser>("/api/auth/me", { schema: profileUpdateSchema, json: { nickname }, method: "PATCH" });
    if (result?.ok) {
      setNickname(result.data.nickname);
      setSaved(true);
      // The greeting in the header is drawn on the server.
      router.refresh();
    }
  }
  return (
    <Panel title={t.settings.profileTitle}>
      <Form onFocus={profileUpdateSchema.warm} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        {saved ? <Alert tone="success">{t.settings.profileSaved}</Alert> : null}
        {message ? <Alert>{message}</Alert> : null}
        <p className="text-sm text-slate-700">
          {t.common.email}: {user.email}
        </p>
        <Field label={t.common.nickname} name="nickname" autoComplete="nickname" maxLength={30} value={nickname} onChange={(event) => setNickname(event.target.value)} error={fields.nickname} />
        <Button type="submit" className="self-start" busy={busy} busyLabel={t.common.submitting}>
          {t.settings.saveProfile}
        </Button>
      </Form>
    </Panel>
  );
}
