import { SsoAdmin } from "@/components/admin/sso-admin";
import { listConnections } from "@/lib/auth/sso/connections";
import { oidcRedirectUri } from "@/lib/auth/sso/oidc";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("adminSso");

// The layout has already checked the administrator in the database.
export default async function SsoPage() {
  const { t } = await getDictionary();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{t.sso.adminTitle}</h1>
      <SsoAdmin t={sections(t, "apiErrors", "common", "sso", "validation")} initial={await listConnections()} redirectUri={oidcRedirectUri()} />
    </div>
  );
}
