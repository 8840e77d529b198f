import Link from "next/link";
import { Logo } from "@/components/logo";
import { LanguageSwitcher } from "@/components/language-switcher";
import { getDictionary } from "@/lib/i18n/server";

export async function SiteHeader() {
  const { locale, t } = await getDictionary();
  return (
    <header className="mx-auto flex w-full max-w-5xl items-center justify-between px-4 py-4">
      <Link href="/">
        <Logo label={t.common.appName} />
      </Link>
      <LanguageSwitcher locale={locale} label={t.common.language} />
    </header>
  );
}
