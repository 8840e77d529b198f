import { SignupForm } from "@/components/auth/signup-form";
import { Card } from "@/components/ui/card";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary, titledMetadata } from "@/lib/i18n/server";

export const generateMetadata = titledMetadata("signup");

export default async function SignupPage() {
  const { t } = await getDictionary();
  return (
    <Card title={t.signup.title}>
      <SignupForm t={sections(t, "apiErrors", "common", "password", "signup", "validation")} />
    </Card>
  );
}
