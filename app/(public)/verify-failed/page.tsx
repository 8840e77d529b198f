import Link from "next/link";
import { ResendForm } from "@/components/auth/resend-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("verifyFailed");

const REASONS = ["expired", "used", "invalid"] as const;

export default async function VerifyFailedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await getDictionary();
  const { reason: raw } = await searchParams;
  const reason = REASONS.find((candidate) => candidate === raw) ?? "invalid";
  return (
    <Card title={t.verifyFailed.title}>
      <div className="mb-6">
        <Alert>{t.verifyFailed[reason]}</Alert>
      </div>
      {reason === "used" ? (
        <Link href="/login" className="inline-block rounded-lg bg-teal-700 px-5 py-2.5 font-semibold text-white hover:bg-teal-800">
          {t.common.login}
        </Link>
      ) : (
        <ResendForm t={sections(t, "apiErrors", "common", "validation", "verifyRequired")} initialEmail="" label={t.verifyFailed.resend} />
      )}
    </Card>
  );
}
