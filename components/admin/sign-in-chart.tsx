import type { Sections } from "@/lib/i18n/dictionaries";
import type { SecurityStats } from "@/lib/auth/admin";

// Stacked bars per day, drawn as SVG on the server: no chart library, no script.
export function SignInChart({ t, rows, days }: { t: Sections<"admin">; rows: SecurityStats["signIns"]; days: string[] }) {
  const perDay = days.map((date) => ({
    date,
    success: rows.filter((row) => row.date === date).reduce((sum, row) => sum + row.success, 0),
    failure: rows.filter((row) => row.date === date).reduce((sum, row) => sum + row.failure, 0),
  }));
  const peak = Math.max(1, ...perDay.map((day) => day.success + day.failure));
  const width = 640;
  const height = 180;
  const bar = width / days.length;
  const summary = perDay.map((day) => `${day.date}: ${day.success}/${day.failure}`).join(", ");
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption className="mb-2 font-semibold">{t.admin.signInsChart}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 20}`} role="img" aria-label={`${t.admin.signInsChart}: ${summary}`} className="w-full">
        {perDay.map((day, index) => {
          const successHeight = (day.success / peak) * height;
          const failureHeight = (day.failure / peak) * height;
          const x = index * bar + bar * 0.15;
          return (
            <g key={day.date}>
              <rect x={x} y={height - successHeight} width={bar * 0.7} height={successHeight} className="fill-teal-600" />
              <rect x={x} y={height - successHeight - failureHeight} width={bar * 0.7} height={failureHeight} className="fill-rose-500" />
              <text x={x + bar * 0.35} y={height + 14} textAnchor="middle" className="fill-slate-600 text-[10px]">
                {day.date.slice(5)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="mt-2 flex gap-4 text-xs text-slate-700">
        <span>
          <span className="mr-1 inline-block size-2.5 rounded-sm bg-teal-600" />
          {t.admin.success}
        </span>
        <span>
          <span className="mr-1 inline-block size-2.5 rounded-sm bg-rose-500" />
          {t.admin.failure}
        </span>
      </p>
    </figure>
  );
}
