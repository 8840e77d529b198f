import { useId, type ReactNode } from "react";

// One titled part of a settings page; its heading names the region for assistive technology.
export function Panel({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section id={id} aria-labelledby={headingId} className="flex max-w-2xl flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}
