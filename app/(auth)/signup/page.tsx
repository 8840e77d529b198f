import { SignupForm } from "@/components/auth/signup-form";
import { OrDivider, SocialButtons } from "@/components/auth/social-buttons";
import { Card } from "@/components/ui/card";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { openProviders } from "@/lib/auth/provider-breaker";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("signup");

// The same provider buttons as the login page: a provider sign-in makes the account when there is none.
export default async function SignupPage() {
  const { t } = await getDictionary();
  const providers = configuredProviders();
  return (
    <Card title={t.signup.title}>
      <div className="flex flex-col gap-4">
        <SocialButtons t={sections(t, "social")} providers={providers} down={await openProviders()} />
        {providers.length > 0 ? <OrDivider label={t.social.or} /> : null}
        <SignupForm t={sections(t, "apiErrors", "common", "password", "signup", "validation")} />
      </div>
    </Card>
  );
}
