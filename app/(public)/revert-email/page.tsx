import { MailedLinkCard } from "@/components/auth/mailed-link-form";
import { mailedToken, type SearchParams } from "@/lib/http/search-params";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

// Referrer "same-origin": the token stays on the site, and the form post still carries its Origin.
export const generateMetadata = titledMetadata("revertEmail", { referrer: "same-origin" });

export default async function RevertEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { revertEmail } = (await getDictionary()).t;
  return <MailedLinkCard title={revertEmail.title} body={revertEmail.body} action="/api/auth/email/revert" token={mailedToken(await searchParams)} label={revertEmail.action} danger />;
}
