import Link from "next/link";
import type { ReactNode } from "react";
import { LogoutButton } from "@/components/auth/logout-button";
import { DashboardNav } from "@/components/dashboard/nav";
import { Logo } from "@/components/logo";
import type { Sections } from "@/lib/i18n/dictionaries";

// The header of the signed-in areas (planner and admin): logo, the area's search if it has one,
// whatever else the area adds, log-out, nav.
export function AppHeader({
  t,
  home,
  title,
  search,
  extra,
  nav,
}: {
  t: Sections<"common">;
  home: string;
  title: string;
  search?: ReactNode;
  extra?: ReactNode;
  nav: { href: string; label: string }[];
}) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href={home}>
          <Logo label={title} />
        </Link>
        {search ? <div className="order-last w-full sm:order-none sm:w-auto">{search}</div> : null}
        <div className="flex items-center gap-3">
          {extra}
          <LogoutButton label={t.common.logout} busyLabel={t.common.submitting} />
        </div>
      </div>
      <div className="mx-auto w-full max-w-6xl px-4 pb-2">
        <DashboardNav items={nav} />
      </div>
    </header>
  );
}
