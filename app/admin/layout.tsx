import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/auth/logout-button";
import { DashboardNav } from "@/components/dashboard/nav";
import { Logo } from "@/components/logo";
import { requireAdminUser } from "@/lib/auth/current-user";
import { getDictionary } from "@/lib/i18n/server";

// Administrators only: the middleware routes by the token's role, and this layout asks the database.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminUser("/admin/security");
  const { t } = await getDictionary();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin/security">
            <Logo label={`${t.common.appName} · ${t.admin.title}`} />
          </Link>
          <LogoutButton label={t.common.logout} busyLabel={t.common.submitting} />
        </div>
        <div className="mx-auto w-full max-w-6xl px-4 pb-2">
          <DashboardNav
            items={[
              { href: "/admin/security", label: t.admin.security },
              { href: "/admin/audit", label: t.admin.audit },
              { href: "/dashboard", label: t.dashboard.calendar },
            ]}
          />
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
