import { ForgotPasswordForm } from "@/components/auth/password-reset-forms";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("forgotPassword");

export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await getDictionary();
  const { expired } = await searchParams;
  return (
    <Card title={t.password.forgotTitle}>
      {expired ? (
        <div className="mb-4">
          <Alert>{t.password.expired}</Alert>
        </div>
      ) : null}
      <p className="mb-4 text-slate-700">{t.password.forgotBody}</p>
      <ForgotPasswordForm t={sections(t, "apiErrors", "common", "password", "signup", "validation")} />
    </Card>
  );
}
