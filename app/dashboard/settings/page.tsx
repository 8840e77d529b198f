import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileSummary } from "@/components/dashboard/profile-summary";
import { SettingsForm } from "@/components/planner/settings-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDictionary } from "@/lib/i18n/server";
import { getSettings } from "@/lib/planner/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=/dashboard/settings");
  const { t } = await getDictionary();
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.settings.title}</h1>
      <ProfileSummary loadingLabel={t.dashboard.loading} errorLabel={t.common.genericError} />
      <SettingsForm t={t} settings={await getSettings(user.id)} />
    </section>
  );
}
