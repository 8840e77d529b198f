import type { Metadata } from "next";
import { ChangePasswordForm, DeleteAccountForm } from "@/components/auth/password-forms";
import { PasskeysPanel } from "@/components/auth/passkeys-panel";
import { SessionsPanel } from "@/components/auth/sessions-panel";
import { TwoFactorPanel } from "@/components/auth/two-factor-panel";
import { ProfileSummary } from "@/components/dashboard/profile-summary";
import { SettingsForm } from "@/components/planner/settings-form";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { getDictionary } from "@/lib/i18n/server";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireCurrentUser("/dashboard/settings");
  const { locale, t } = await getDictionary();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.settings.title}</h1>
      <ProfileSummary loadingLabel={t.dashboard.loading} errorLabel={t.common.genericError} />
      <SettingsForm t={t} settings={await getSettings(user.id)} />
      <PasskeysPanel t={t} locale={locale} />
      {user.providers.includes("password") ? <TwoFactorPanel t={t} /> : null}
      <SessionsPanel t={t} locale={locale} />
      {user.providers.includes("password") ? <ChangePasswordForm t={t} email={user.email} /> : null}
      <DeleteAccountForm t={t} hasPassword={user.providers.includes("password")} />
    </section>
  );
}
