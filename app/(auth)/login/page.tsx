import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/redirects";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { t } = await getDictionary();
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : undefined);
  return (
    <Card title={t.login.title}>
      <LoginForm t={t} next={next} notice={params.reason === "session" ? t.login.sessionEnded : params.reason === "reset" ? t.password.resetDone : undefined} />
    </Card>
  );
}
