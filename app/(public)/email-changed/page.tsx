import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { SearchParams } from "@/lib/http/search-params";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("emailChanged");

const RESULTS = ["changed", "invalid", "taken"] as const;

// Where the e-mail change and its undo land (lib/auth/email-change.ts).
export default async function EmailChangedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { t } = await getDictionary();
  const { result: raw } = await searchParams;
  const result = RESULTS.find((candidate) => candidate === raw) ?? "invalid";
  return (
    <Card title={t.emailChanged.title}>
      <div className="mb-6">
        <Alert tone={result === "changed" ? "success" : "error"}>{t.emailChanged[result]}</Alert>
      </div>
      <Link href="/dashboard/settings" className="inline-block rounded-lg bg-teal-700 px-5 py-2.5 font-semibold text-white hover:bg-teal-800">
        {t.emailChanged.action}
      </Link>
    </Card>
  );
}
