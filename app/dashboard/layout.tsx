import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { PasskeyOffer } from "@/components/auth/passkey-offer";
import { LanguageSwitcher } from "@/components/language-switcher";
import { AppHeader } from "@/components/layout/app-header";
import { HeaderSearch } from "@/components/layout/header-search";
import { ShortcutsHelp } from "@/components/layout/shortcuts-help";
import { ToastProvider } from "@/components/ui/toast";
import { PASSKEY_OFFER_COOKIE } from "@/lib/auth/cookies";
import { requireCurrentUser } from "@/lib/auth/current-user";
import { hasPasskey } from "@/lib/auth/passkeys";
import { format, sections } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";

// Signed-in users only: the middleware redirects others, and this layout checks again itself.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireCurrentUser("/dashboard");
  const { locale, t } = await getDictionary();
  const offerPasskey = (await cookies()).get(PASSKEY_OFFER_COOKIE)?.value !== "later" && !(await hasPasskey(user.id));
  return (
    <div className="min-h-dvh">
      <AppHeader
        t={sections(t, "common")}
        home="/dashboard"
        title={t.common.appName}
        search={<HeaderSearch t={sections(t, "search")} />}
        extra={
          <>
            <span className="hidden text-sm text-slate-700 sm:inline">{format(t.dashboard.greeting, { name: user.nickname })}</span>
            <LanguageSwitcher locale={locale} label={t.common.language} />
            <ShortcutsHelp t={sections(t, "shortcuts")} />
          </>
        }
        nav={[
          { href: "/dashboard", label: t.dashboard.calendar },
          { href: "/dashboard/todo", label: t.dashboard.todo },
          { href: "/dashboard/bucket", label: t.dashboard.bucket },
          { href: "/dashboard/settings", label: t.dashboard.settings },
        ]}
      />
      {offerPasskey ? <PasskeyOffer t={sections(t, "strong")} /> : null}
      {/* The toasts sit outside <main>, beside it: a page's own alerts are the ones in main. */}
      <ToastProvider t={sections(t, "toast")}>
        <main className="mx-auto w-full max-w-6xl px-4 py-6">{children}</main>
      </ToastProvider>
    </div>
  );
}
