import type { Metadata } from "next";
import { SignupForm } from "@/components/auth/signup-form";
import { Card } from "@/components/ui/card";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignupPage() {
  const { t } = await getDictionary();
  return (
    <Card title={t.signup.title}>
      <SignupForm t={sections(t, "apiErrors", "common", "password", "signup", "validation")} />
    </Card>
  );
}
