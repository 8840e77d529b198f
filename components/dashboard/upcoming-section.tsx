// The todo and bucket pages until the planner lands: title, one-line intro, an empty state.
export function UpcomingSection({ title, intro, empty }: { title: string; intro: string; empty: string }) {
  return (
    <section className="flex flex-col gap-2">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-700">{intro}</p>
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-600">{empty}</p>
    </section>
  );
}
