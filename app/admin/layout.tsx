import type { ReactNode } from "react";
import { StepUpProvider } from "@/components/auth/step-up";
import { AppHeader } from "@/components/layout/app-header";
import { requireAdminUser } from "@/lib/auth/current-user";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";

// Administrators only: the middleware routes by the token's role, and this layout asks the database.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdminUser("/admin/security");
  const { t } = await getDictionary();
  return (
    <div className="min-h-dvh">
      <AppHeader
        t={sections(t, "common")}
        home="/admin/security"
        title={`${t.common.appName} · ${t.admin.title}`}
        nav={[
          { href: "/admin/security", label: t.admin.security },
          { href: "/admin/users", label: t.admin.users },
          { href: "/admin/audit", label: t.admin.audit },
          { href: "/admin/sso", label: t.admin.sso },
          { href: "/dashboard", label: t.dashboard.calendar },
        ]}
      />
      <main className="mx-auto w-full max-w-6xl px-4 py-6">
        <StepUpProvider t={sections(t, "apiErrors", "common", "dashboard", "social", "stepUp", "strong")}>{children}</StepUpProvider>
      </main>
    </div>
  );
}
