export default function DashboardLoading() {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 py-10 text-slate-600">
      <span aria-hidden="true" className="size-5 animate-spin rounded-full border-2 border-teal-700 border-t-transparent" />
      <span>Loading… 불러오는 중…</span>
    </div>
  );
}
