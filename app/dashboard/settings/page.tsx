import type { ReactNode } from "react";
import { DeleteAccountForm, PasswordForms } from "@/components/auth/account-forms";
import { DevicesPanel } from "@/components/auth/devices-panel";
import { EmailChangeForm } from "@/components/auth/email-change-form";
import { PasskeysPanel } from "@/components/auth/passkeys-panel";
import { PersonalTokensPanel } from "@/components/auth/personal-tokens-panel";
import { PrivacyPanel } from "@/components/auth/privacy-panel";
import { ProfileForm } from "@/components/auth/profile-form";
import { ProvidersPanel } from "@/components/auth/providers-panel";
import { SessionsPanel } from "@/components/auth/sessions-panel";
import { StepUpProvider } from "@/components/auth/step-up";
import { TwoFactorPanel } from "@/components/auth/two-factor-panel";
import { SettingsNav } from "@/components/layout/settings-nav";
import { ThemePanel } from "@/components/layout/theme-panel";
import { CalendarFeedPanel } from "@/components/planner/calendar-feed-panel";
import { IcsImportPanel } from "@/components/planner/ics-import-panel";
import { PushPanel } from "@/components/planner/push-panel";
import { SettingsForm } from "@/components/planner/settings-form";
import { Alert } from "@/components/ui/alert";
import { requireCurrentSessionId, requireCurrentUser } from "@/lib/auth/current-user";
import { listDevices } from "@/lib/auth/devices";
import { pendingEmailChange } from "@/lib/auth/email-change";
import { mfaStatus } from "@/lib/auth/mfa";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { listPasskeys } from "@/lib/auth/passkeys";
import { listPersonalTokens } from "@/lib/auth/personal-tokens";
import { listActivity } from "@/lib/auth/security-events";
import { listSessions } from "@/lib/auth/sessions";
import { listLinkedProviders } from "@/lib/auth/social-sign-in";
import { isSocialProvider } from "@/lib/auth/social-providers";
import { isSsoLoginError } from "@/lib/auth/sso/sign-in";
import { apiErrorText } from "@/lib/i18n/api-errors";
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

// One part of the page, reached from the section list by its id (/dashboard/settings#security).
function SettingsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="flex scroll-mt-4 flex-col gap-4">
      <h2 className="text-xl font-bold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

// Every panel's data is read here, with the page, so that all of them arrive together.
export default async function SettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireCurrentUser("/dashboard/settings");
  const sessionId = await requireCurrentSessionId();
  const { locale, t } = await getDictionary();
  const params = await searchParams;
  const settings = await getSettings(user.id);
  const [pageZone, theme, pendingEmail, pushEndpoints, feed, passkeys, linked, twoFactor, sessions, activity, devices, tokens, consents] = await Promise.all([
    getTimeZone(settings.timeZone),
    getTheme(),
    pendingEmailChange(user.id),
    pushEndpointsOf(user.id),
    calendarFeedStatus(user.id),
    listPasskeys(user.id),
    listLinkedProviders(user.id),
    mfaStatus(user.id),
    listSessions(user.id, sessionId),
    listActivity(user.id),
    listDevices(user.id, { sessionId }),
    listPersonalTokens(user.id),
    consentStatus(user.id),
  ]);
  const hasPassword = user.providers.includes("password");
  const parts = [
    { id: "profile", label: t.settings.sectionProfile },
    { id: "calendar", label: t.settings.sectionCalendar },
    { id: "security", label: t.settings.sectionSecurity },
    { id: "accounts", label: t.settings.sectionAccounts },
    { id: "notifications", label: t.settings.sectionNotifications },
  ];
  const title = (id: string) => parts.find((part) => part.id === id)?.label ?? "";
  const passwordTexts = sections(t, "apiErrors", "common", "password", "signup", "validation");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.settings.title}</h1>
      {/* Back from a provider round trip that proved it was the user (step-up). */}
      {params.reauth === "done" ? <Alert tone="success">{t.stepUp.done}</Alert> : null}
      {/* Back from the company's IdP without the proof (a step-up there: lib/auth/sso/sign-in.ts). */}
      {isSsoLoginError(params.sso_error) ? <Alert>{apiErrorText(locale, params.sso_error)}</Alert> : null}
      {/* Sent here by the admin pages: an administrator needs a second factor first. */}
      {params.admin === "second-factor" ? <Alert tone="info">{t.settings.adminNeedsSecondFactor}</Alert> : null}
      <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
        <SettingsNav label={t.settings.sectionsNav} sections={parts} />
        <div className="flex min-w-0 flex-1 flex-col gap-10">
          <StepUpProvider t={sections(t, "apiErrors", "common", "dashboard", "social", "stepUp", "strong")}>
            <SettingsSection id="profile" title={title("profile")}>
              <ProfileForm t={sections(t, "apiErrors", "common", "settings", "validation")} user={user} />
              <EmailChangeForm t={sections(t, "apiErrors", "common", "settings", "validation")} current={user.email} pending={pendingEmail} />
              <ThemePanel t={sections(t, "settings")} initial={theme} />
              <DeleteAccountForm t={passwordTexts} />
            </SettingsSection>
            <SettingsSection id="calendar" title={title("calendar")}>
              <SettingsForm
                t={sections(t, "apiErrors", "common", "planner", "settings", "validation")}
                locale={locale}
                settings={settings}
                pageZone={pageZone}
                holidayCountries={holidayCountryOptions(locale)}
              />
              <CalendarFeedPanel t={sections(t, "apiErrors", "calendarFile", "common")} locale={locale} initial={feed} />
              <IcsImportPanel t={sections(t, "apiErrors", "calendarFile", "common")} locale={locale} timeZone={pageZone} />
            </SettingsSection>
            <SettingsSection id="security" title={title("security")}>
              <PasswordForms t={passwordTexts} email={user.email} hasPassword={hasPassword} />
              {hasPassword ? <TwoFactorPanel t={sections(t, "apiErrors", "common", "strong")} initial={twoFactor} /> : null}
              <PasskeysPanel t={sections(t, "apiErrors", "common", "planner", "strong")} locale={locale} timeZone={pageZone} initial={passkeys} />
              <SessionsPanel t={sections(t, "apiErrors", "common", "settings")} locale={locale} timeZone={pageZone} initialSessions={sessions} initialEvents={activity} />
              <DevicesPanel t={sections(t, "apiErrors", "common", "settings")} locale={locale} timeZone={pageZone} initial={devices} />
              <PersonalTokensPanel t={sections(t, "apiErrors", "common", "personalTokens")} locale={locale} timeZone={pageZone} initial={tokens} />
            </SettingsSection>
            <SettingsSection id="accounts" title={title("accounts")}>
              <ProvidersPanel t={sections(t, "apiErrors", "common", "social")} initial={{ linked, available: configuredProviders() }} initialNotice={providerNotice(t, params)} />
            </SettingsSection>
            <SettingsSection id="notifications" title={title("notifications")}>
              <PushPanel t={sections(t, "apiErrors", "common", "push")} publicKey={getEnv().VAPID?.publicKey ?? null} endpoints={pushEndpoints} />
              <PrivacyPanel t={sections(t, "apiErrors", "common", "settings")} locale={locale} timeZone={pageZone} initial={consents} />
            </SettingsSection>
          </StepUpProvider>
        </div>
      </div>
    </div>
  );
}
