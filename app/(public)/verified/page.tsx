import Link from "next/link";
import { Card } from "@/components/ui/card";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("verified");

export default async function VerifiedPage() {
  const { t } = await getDictionary();
  return (
    <Card title={t.verified.title}>
      <p className="mb-6 text-slate-700">{t.verified.body}</p>
      <Link href="/login" className="inline-block rounded-lg bg-teal-700 px-5 py-2.5 font-semibold text-white hover:bg-teal-800">
        {t.verified.action}
      </Link>
    </Card>
  );
}
