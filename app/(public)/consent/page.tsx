import { redirect } from "next/navigation";
import { ConsentForm } from "@/components/auth/consent-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/redirects";
import type { SearchParams } from "@/lib/http/search-params";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";
import { consentStatus } from "@/lib/privacy";

export const generateMetadata = titledMetadata("consent");

// Where the planner sends a signed-in user whose accepted terms or privacy policy are out of date.
export default async function ConsentPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { next: raw } = await searchParams;
  const next = safeNextPath(typeof raw === "string" ? raw : null);
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent("/consent")}`);
  const status = await consentStatus(user.id);
  if (!status.outdated) redirect(next);
  const { t } = await getDictionary();
  return (
    <Card title={t.consent.title}>
      <p className="mb-4 text-slate-700">{t.consent.body}</p>
      <ConsentForm t={sections(t, "apiErrors", "common", "consent", "signup", "validation")} next={next} marketing={status.marketing?.granted ?? false} />
    </Card>
  );
}
