import { UsersAdmin } from "@/components/admin/users-admin";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("adminUsers");

export default async function UsersPage() {
  const { locale, t } = await getDictionary();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.admin.users}</h1>
      <UsersAdmin t={sections(t, "admin", "apiErrors", "common", "planner", "settings")} locale={locale} />
    </div>
  );
}
