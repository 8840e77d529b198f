import type { Metadata } from "next";
import { ProfileSummary } from "@/components/dashboard/profile-summary";
import { getDictionary, getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Calendar" };

function monthGrid(today: Date): (number | null)[] {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const days = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0)).getUTCDate();
  const cells: (number | null)[] = Array.from({ length: first.getUTCDay() }, () => null);
  for (let day = 1; day <= days; day++) cells.push(day);
  while (cells.length % 7) cells.push(null);
  return cells;
}

export default async function CalendarPage() {
  const { t } = await getDictionary();
  const locale = await getLocale();
  const today = new Date();
  const weekdays = Array.from({ length: 7 }, (_, index) =>
    new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2026, 10, 1 + index))),
  );
  return (
    <section className="flex flex-col gap-4">
      <div>
        <h1 className="text-2xl font-bold">{new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(today)}</h1>
        <p className="text-slate-700">{t.dashboard.calendarIntro}</p>
        <ProfileSummary loadingLabel={t.dashboard.loading} errorLabel={t.common.genericError} />
      </div>
      <div role="grid" aria-label={t.dashboard.calendar} className="grid grid-cols-7 overflow-hidden rounded-xl border border-slate-200 bg-white text-sm">
        {weekdays.map((weekday) => (
          <div key={weekday} role="columnheader" className="border-b border-slate-200 bg-slate-100 py-2 text-center font-semibold text-slate-700">
            {weekday}
          </div>
        ))}
        {monthGrid(today).map((day, index) => (
          <div
            key={index}
            role="gridcell"
            aria-current={day === today.getUTCDate() ? "date" : undefined}
            className={`min-h-16 border-b border-r border-slate-100 p-2 sm:min-h-24 ${day === today.getUTCDate() ? "bg-teal-50 font-bold text-teal-900" : "text-slate-800"}`}
          >
            {day ?? ""}
          </div>
        ))}
      </div>
    </section>
  );
}
