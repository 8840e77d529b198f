"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function DashboardNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="TropiCal" className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const current = pathname === item.href;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-lg px-3 py-2 text-sm font-semibold whitespace-nowrap ${current ? "bg-teal-700 text-white" : "text-slate-700 hover:bg-slate-200"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
