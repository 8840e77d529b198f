import Link from "next/link";
import { Logo } from "@/components/logo";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { LogoutButton } from "@/components/auth/logout-button";
import { PasskeyOffer } from "@/components/auth/passkey-offer";
import { PASSKEY_OFFER_COOKIE } from "@/lib/auth/cookies";
import { hasPasskey } from "@/lib/auth/passkeys";
import { DashboardNav } from "@/components/dashboard/nav";
import { LanguageSwitcher } from "@/components/language-switcher";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { format } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";

// Signed-in users only: the middleware redirects others, and this layout checks again itself.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireCurrentUser("/dashboard");
  const { locale, t } = await getDictionary();
  const offerPasskey = (await cookies()).get(PASSKEY_OFFER_COOKIE)?.value !== "later" && !(await hasPasskey(user.id));
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/dashboard">
            <Logo label={t.common.appName} />
          </Link>
          <div className="flex items-center gap-3">
            <span className="hidden text-sm text-slate-700 sm:inline">{format(t.dashboard.greeting, { name: user.nickname })}</span>
            <LanguageSwitcher locale={locale} label={t.common.language} />
            <LogoutButton label={t.common.logout} busyLabel={t.common.submitting} />
          </div>
        </div>
        <div className="mx-auto w-full max-w-6xl px-4 pb-2">
          <DashboardNav
            items={[
              { href: "/dashboard", label: t.dashboard.calendar },
              { href: "/dashboard/todo", label: t.dashboard.todo },
              { href: "/dashboard/bucket", label: t.dashboard.bucket },
              { href: "/dashboard/settings", label: t.dashboard.settings },
            ]}
          />
        </div>
      </header>
      {offerPasskey ? <PasskeyOffer t={t} /> : null}
      <main className="mx-auto w-full max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
