import { CompanySignIn } from "@/components/auth/company-sign-in";
import { LoginForm } from "@/components/auth/login-form";
import { OrDivider, SocialButtons } from "@/components/auth/social-buttons";
import { Card } from "@/components/ui/card";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { openProviders } from "@/lib/auth/provider-breaker";
import { safeNextPath } from "@/lib/auth/redirects";
import { isSsoLoginError } from "@/lib/auth/sso/sign-in";
import { apiErrorText } from "@/lib/i18n/api-errors";
import { sections, socialErrorMessage } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("login");

type SearchParams = Record<string, string | string[] | undefined>;

function single(params: SearchParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { locale, t } = await getDictionary();
  const params = await searchParams;
  const next = safeNextPath(single(params, "next"));
  const reason = single(params, "reason");
  const providers = configuredProviders();
  // A company sign-in that came back without one (lib/auth/sso/sign-in.ts): its code's wording.
  const ssoError = single(params, "sso_error");
  return (
    <Card title={t.login.title}>
      <div className="flex flex-col gap-4">
        <LoginForm
          t={sections(t, "apiErrors", "common", "login", "password", "strong", "validation")}
          next={next}
          // A provider sign-in into an account with two-step verification lands here for the code.
          secondStep={single(params, "step") === "2fa"}
          // Shown at the first step only: at the second, the account is already chosen.
          providers={
            <>
              <SocialButtons t={sections(t, "social")} providers={providers} down={await openProviders()} next={next} />
              <CompanySignIn t={sections(t, "apiErrors", "common", "sso", "validation")} next={next} />
              <OrDivider label={t.social.or} />
            </>
          }
          error={socialErrorMessage(t, params.oauth_error) ?? (isSsoLoginError(ssoError) ? apiErrorText(locale, ssoError) : undefined)}
          notice={reason === "session" ? t.login.sessionEnded : reason === "reset" ? t.password.resetDone : undefined}
        />
      </div>
    </Card>
  );
}
