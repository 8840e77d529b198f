import { AuditTable } from "@/components/admin/admin-tables";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("adminAudit");

export default async function AuditPage() {
  const { locale, t } = await getDictionary();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.admin.audit}</h1>
      <AuditTable t={sections(t, "admin", "common", "planner", "settings")} locale={locale} />
    </div>
  );
}
