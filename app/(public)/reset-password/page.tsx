import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

// The token is in this page's URL: no referrer leaves it, and it is sent only to our own API.
export const generateMetadata = titledMetadata("resetPassword", { referrer: "no-referrer" });

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await getDictionary();
  const { token, secured } = await searchParams;
  return (
    <Card title={t.password.resetTitle}>
      {secured ? (
        <div className="mb-4">
          <Alert tone="info">{t.password.secured}</Alert>
        </div>
      ) : null}
      <ResetPasswordForm
        t={sections(t, "apiErrors", "common", "password", "signup", "validation")}
        locale={locale}
        token={typeof token === "string" ? token.slice(0, 4096) : ""}
        secured={Boolean(secured)}
      />
    </Card>
  );
}
