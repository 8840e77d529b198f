import Link from "next/link";
import { ResendForm } from "@/components/auth/resend-form";
import { Card } from "@/components/ui/card";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";
import { isMailboxEnabled } from "@/lib/mail/mailbox";

export const generateMetadata = titledMetadata("verifyRequired");

export default async function VerifyRequiredPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await getDictionary();
  const { email } = await searchParams;
  return (
    <Card title={t.verifyRequired.title}>
      <p className="mb-3 text-slate-700">{t.verifyRequired.body}</p>
      <p className="mb-6 text-sm text-slate-600">{t.verifyRequired.delayNote}</p>
      {/* Development only, as the mailbox itself: mail never leaves a development machine. */}
      {isMailboxEnabled() ? (
        <p className="mb-6">
          <Link href="/dev/mailbox" className="font-semibold text-teal-800 underline">
            {t.verifyRequired.devMailbox}
          </Link>
        </p>
      ) : null}
      <h2 className="mb-3 font-semibold text-slate-900">{t.verifyRequired.resendTitle}</h2>
      <ResendForm t={sections(t, "apiErrors", "common", "validation", "verifyRequired")} initialEmail={typeof email === "string" ? email.slice(0, 254) : ""} label={t.verifyRequired.resend} />
    </Card>
  );
}
