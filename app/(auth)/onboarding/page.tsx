import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { OnboardingForm } from "@/components/auth/onboarding-form";
import { Card } from "@/components/ui/card";
import { COOKIE } from "@/lib/auth/cookies";
import { describePendingSignup, loadPendingSignup } from "@/lib/auth/onboarding";
import { ApiError } from "@/lib/errors";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTimeZone, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("onboarding");

// Reached only with an ONBOARDING cookie (middleware.ts); the pending sign-up behind it is checked here.
export default async function OnboardingPage() {
  const { t } = await getDictionary();
  const token = (await cookies()).get(COOKIE.ONBOARDING)?.value;
  const pending = await loadPendingSignup(token).catch((error: unknown) => {
    if (error instanceof ApiError) return null;
    throw error;
  });
  if (!pending) redirect("/login?oauth_error=expired");
  return (
    <Card title={t.social.onboardingTitle}>
      <OnboardingForm t={sections(t, "apiErrors", "common", "login", "signup", "social", "validation")} timeZone={await getTimeZone(null)} initial={await describePendingSignup(pending)} />
    </Card>
  );
}
