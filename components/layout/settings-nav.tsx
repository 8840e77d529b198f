"use client";
import { useSyncExternalStore } from "react";

export interface SettingsSectionLink {
  id: string;
  label: string;
}

// The settings page's sections as links to their headings (#security…), so each can be linked to
// and reached by keyboard: a list beside the page on wide screens, a row above it on a phone. The
// one named by the address is marked as the current one.
function subscribeToHash(changed: () => void): () => void {
  window.addEventListener("hashchange", changed);
  return () => window.removeEventListener("hashchange", changed);
}

export function SettingsNav({ label, sections }: { label: string; sections: SettingsSectionLink[] }) {
  // No hash on the server: the mark appears once the page runs in the browser.
  const current = useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash.slice(1),
    () => "",
  );
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 lg:sticky lg:top-4 lg:mx-0 lg:w-48 lg:shrink-0 lg:overflow-visible lg:px-0">
      <ul className="flex gap-2 lg:flex-col lg:gap-1">
        {sections.map((section) => (
          <li key={section.id} className="shrink-0">
            <a
              href={`#${section.id}`}
              aria-current={current === section.id ? "location" : undefined}
              className="block rounded-lg px-3 py-2 text-sm font-semibold whitespace-nowrap text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700 aria-[current=location]:bg-teal-50 aria-[current=location]:text-teal-900"
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
