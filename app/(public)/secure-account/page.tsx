import { MailedLinkCard } from "@/components/auth/mailed-link-form";
import { mailedToken, type SearchParams } from "@/lib/http/search-params";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

// Referrer "same-origin": the token stays on the site, and the form post still carries its Origin.
export const generateMetadata = titledMetadata("secureAccount", { referrer: "same-origin" });

// "This wasn't me" from a security mail: one click signs every device out, then a new password.
export default async function SecureAccountPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { secureAccount } = (await getDictionary()).t;
  return <MailedLinkCard title={secureAccount.title} body={secureAccount.body} action="/api/auth/secure-account" token={mailedToken(await searchParams)} label={secureAccount.action} danger />;
}
