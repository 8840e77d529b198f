import { MailedLinkCard } from "@/components/auth/mailed-link-form";
import { mailedToken, type SearchParams } from "@/lib/http/search-params";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

// Referrer "same-origin": the token stays on the site, and the form post still carries its Origin.
export const generateMetadata = titledMetadata("confirmEmail", { referrer: "same-origin" });

export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { confirmEmail } = (await getDictionary()).t;
  return <MailedLinkCard title={confirmEmail.title} body={confirmEmail.body} action="/api/auth/email/confirm" token={mailedToken(await searchParams)} label={confirmEmail.action} />;
}
