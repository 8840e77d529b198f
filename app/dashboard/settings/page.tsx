import { DevicesPanel } from "@/components/auth/devices-panel";
import { EmailChangeForm } from "@/components/auth/email-change-form";
import { ChangePasswordForm, DeleteAccountForm } from "@/components/auth/account-forms";
import { PasskeysPanel } from "@/components/auth/passkeys-panel";
import { PersonalTokensPanel } from "@/components/auth/personal-tokens-panel";
import { PrivacyPanel } from "@/components/auth/privacy-panel";
import { ProfileForm } from "@/components/auth/profile-form";
import { ProvidersPanel } from "@/components/auth/providers-panel";
import { SessionsPanel } from "@/components/auth/sessions-panel";
import { StepUpProvider } from "@/components/auth/step-up";
import { TwoFactorPanel } from "@/components/auth/two-factor-panel";
import { ThemePanel } from "@/components/layout/theme-panel";
import { CalendarFeedPanel } from "@/components/planner/calendar-feed-panel";
import { IcsImportPanel } from "@/components/planner/ics-import-panel";
import { PushPanel } from "@/components/planner/push-panel";
import { SettingsForm } from "@/components/planner/settings-form";
import { Alert } from "@/components/ui/alert";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { pendingEmailChange } from "@/lib/auth/email-change";
import { isSocialProvider } from "@/lib/auth/social-providers";
import { format, socialErrorMessage, type Dictionary, sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTheme, getTimeZone, titledMetadata } from "@/lib/i18n/server";
import { calendarFeedStatus } from "@/lib/planner/calendar-feed";
import { holidayCountryOptions } from "@/lib/planner/holidays";
import { getSettings } from "@/lib/planner/settings";
import { getEnv } from "@/lib/env";
import { pushEndpointsOf } from "@/lib/push/subscriptions";
import { consentStatus } from "@/lib/privacy";

export const generateMetadata = titledMetadata("settings");

type SearchParams = Record<string, string | string[] | undefined>;

// The provider round trip comes back here with ?linked= or ?oauth_error= (lib/auth/oauth-client.ts).
function providerNotice(t: Dictionary, params: SearchParams): { tone: "success" | "error"; text: string } | null {
  if (isSocialProvider(params.linked)) return { tone: "success", text: format(t.social.linkedNotice, { provider: t.social.names[params.linked] }) };
  const error = socialErrorMessage(t, params.oauth_error);
  return error && isSocialProvider(params.provider) ? { tone: "error", text: error } : null;
}

export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireCurrentUser("/dashboard/settings");
  const { locale, t } = await getDictionary();
  const params = await searchParams;
  const settings = await getSettings(user.id);
  const pageZone = await getTimeZone(settings.timeZone);
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.settings.title}</h1>
      {/* Back from a provider round trip that proved it was the user (step-up). */}
      {params.reauth === "done" ? <Alert tone="success">{t.stepUp.done}</Alert> : null}
      {/* Sent here by the admin pages: an administrator needs a second factor first. */}
      {params.admin === "second-factor" ? <Alert tone="info">{t.settings.adminNeedsSecondFactor}</Alert> : null}
      <StepUpProvider t={sections(t, "apiErrors", "common", "dashboard", "social", "stepUp", "strong")}>
        <ProfileForm t={sections(t, "apiErrors", "common", "settings", "validation")} user={user} />
        <EmailChangeForm t={sections(t, "apiErrors", "common", "settings", "validation")} current={user.email} pending={await pendingEmailChange(user.id)} />
        <SettingsForm t={sections(t, "apiErrors", "common", "planner", "settings", "validation")} settings={settings} pageZone={pageZone} holidayCountries={holidayCountryOptions(locale)} />
        <ThemePanel t={sections(t, "settings")} initial={await getTheme()} />
        <PushPanel t={sections(t, "apiErrors", "common", "push")} publicKey={getEnv().VAPID?.publicKey ?? null} endpoints={await pushEndpointsOf(user.id)} />
        <CalendarFeedPanel t={sections(t, "apiErrors", "calendarFile", "common")} locale={locale} initial={await calendarFeedStatus(user.id)} />
        <IcsImportPanel t={sections(t, "apiErrors", "calendarFile", "common")} locale={locale} timeZone={pageZone} />
        <ProvidersPanel t={sections(t, "apiErrors", "common", "social")} initialNotice={providerNotice(t, params)} />
        <PasskeysPanel t={sections(t, "apiErrors", "common", "planner", "strong")} locale={locale} />
        {user.providers.includes("password") ? <TwoFactorPanel t={sections(t, "apiErrors", "common", "dashboard", "strong")} /> : null}
        <SessionsPanel t={sections(t, "apiErrors", "common", "dashboard", "settings")} locale={locale} />
        <DevicesPanel t={sections(t, "apiErrors", "common", "dashboard", "settings")} locale={locale} />
        <PersonalTokensPanel t={sections(t, "apiErrors", "common", "personalTokens")} locale={locale} />
        {user.providers.includes("password") ? <ChangePasswordForm t={sections(t, "apiErrors", "common", "password", "signup", "validation")} email={user.email} /> : null}
        <PrivacyPanel t={sections(t, "apiErrors", "common", "settings")} locale={locale} timeZone={pageZone} initial={await consentStatus(user.id)} />
        <DeleteAccountForm t={sections(t, "apiErrors", "common", "password", "signup", "validation")} />
      </StepUpProvider>
    </section>
  );
}
