import { MailedLinkCard } from "@/components/auth/mailed-link-form";
import { mailedToken, type SearchParams } from "@/lib/http/search-params";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

// The token is in this page's URL: no referrer leaves the site. Not "no-referrer", with which the
// browser sends `Origin: null` with the form post and the same-origin check refuses it.
export const generateMetadata = titledMetadata("verifyEmail", { referrer: "same-origin" });

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { verifyEmail } = (await getDictionary()).t;
  return <MailedLinkCard title={verifyEmail.title} body={verifyEmail.body} action="/api/auth/verify" token={mailedToken(await searchParams)} label={verifyEmail.action} />;
}
