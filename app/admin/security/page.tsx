import type { ReactNode } from "react";
import { EventsTable } from "@/components/admin/admin-tables";
import { SignInChart } from "@/components/admin/sign-in-chart";
import { UserActionForm } from "@/components/admin/user-action-form";
import { securityStats } from "@/lib/auth/admin";
import { format, sections } from "@/lib/i18n/dictionaries";
import { getDictionary, getTimeZone, titledMetadata } from "@/lib/i18n/server";
import { addDays, instantToZoned, toDateString } from "@/lib/planner/dates";

export const generateMetadata = titledMetadata("adminSecurity");

function ListPanel({ title, empty, items }: { title: string; empty: string; items: { key: string; left: ReactNode; right: ReactNode }[] }) {
  return (
    <section aria-label={title} className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="mb-2 font-semibold">{title}</h2>
      {items.length === 0 ? <p className="text-sm text-slate-600">{empty}</p> : null}
      <ul className="divide-y divide-slate-100 text-sm">
        {items.map((item) => (
          <li key={item.key} className="flex justify-between gap-2 py-1.5">
            <span>{item.left}</span>
            <span className="text-slate-600">{item.right}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="text-3xl font-bold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}

export default async function SecurityDashboardPage() {
  const { locale, t } = await getDictionary();
  const stats = await securityStats();
  const today = toDateString(new Date());
  const days = Array.from({ length: 14 }, (_, index) => addDays(today, index - 13));
  const timeZone = await getTimeZone(null);
  // The 24-hour clock, as the onboarding page: not every server's ICU has Korean day periods.
  const when = (iso: string) => instantToZoned(new Date(iso), timeZone).time;
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">{t.admin.security}</h1>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label={t.admin.activeDay} value={stats.activeUsers.day} testId="active-day" />
        <Stat label={t.admin.activeWeek} value={stats.activeUsers.week} testId="active-week" />
        <Stat label={t.admin.failuresWeek} value={stats.lastWeek.failures} testId="failures-week" />
        <Stat label={t.admin.reuseWeek} value={stats.lastWeek.refreshReuse} testId="reuse-week" />
        <Stat label={t.admin.newDeviceWeek} value={stats.lastWeek.newDevice} testId="new-device-week" />
      </div>
      <SignInChart t={sections(t, "admin")} rows={stats.signIns} days={days} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ListPanel
          title={t.admin.locked}
          empty={t.admin.noData}
          items={stats.lockedAccounts.map((row) => ({ key: row.email, left: row.email, right: `×${row.failures} · ${format(t.admin.lockedUntil, { date: when(row.lockedUntil) })}` }))}
        />
        {stats.providers.length > 0 ? (
          <ListPanel
            title={t.admin.providers}
            empty={t.admin.noData}
            items={stats.providers.map((row) => ({
              key: row.provider,
              left: (
                <span data-testid={`breaker-${row.provider}`} data-state={row.state}>
                  {t.social.names[row.provider]}: <strong className={row.state === "closed" ? "text-teal-800" : "text-red-800"}>{t.admin.breaker[row.state]}</strong>
                </span>
              ),
              right: [row.failures > 0 ? format(t.admin.breakerDetail, { failures: row.failures }) : null, row.openedAt ? format(t.admin.breakerSince, { date: when(row.openedAt) }) : null]
                .filter(Boolean)
                .join(" · "),
            }))}
          />
        ) : null}
        <ListPanel title={t.admin.failingIps} empty={t.admin.noData} items={stats.failingIps.map((row) => ({ key: row.ip, left: <span className="font-mono">{row.ip}</span>, right: row.failures }))} />
      </div>
      <UserActionForm t={sections(t, "admin", "apiErrors", "common")} actions={["unlock", "revoke"]} />
      <EventsTable t={sections(t, "admin", "common", "planner", "settings")} locale={locale} />
    </div>
  );
}
