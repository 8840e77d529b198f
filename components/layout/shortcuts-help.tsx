"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { HEADER_SEARCH_ID } from "@/components/layout/header-search";
import { SHORTCUT_GROUPS, SHORTCUTS, useShortcuts } from "@/components/layout/use-shortcuts";
import type { Sections } from "@/lib/i18n/dictionaries";

// The header's "shortcuts" button and the list it opens, and the shortcuts of every signed-in page:
// "/" to the header's search, "?" to this list. The calendar adds its own (components/planner/calendar-view.tsx).
export function ShortcutsHelp({ t }: { t: Sections<"shortcuts"> }) {
  const [open, setOpen] = useState(false);
  useShortcuts({
    search: () => {
      const field = document.getElementById(HEADER_SEARCH_ID);
      if (!(field instanceof HTMLInputElement)) return;
      field.focus();
      field.select();
    },
    help: () => setOpen(true),
  });
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold whitespace-nowrap text-slate-700 hover:bg-slate-100">
        {t.shortcuts.open}
      </button>
      {open ? (
        <Dialog title={t.shortcuts.title} onClose={() => setOpen(false)}>
          <p className="mb-4 text-sm text-slate-700">{t.shortcuts.intro}</p>
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group} className="mb-4">
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{t.shortcuts.groups[group]}</h3>
              <dl className="flex flex-col gap-1.5">
                {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                  <div key={shortcut.id} className="flex items-center gap-3">
                    <dt>
                      <kbd className="inline-flex min-w-7 justify-center rounded-md border border-slate-300 bg-slate-100 px-2 py-0.5 font-mono text-sm text-slate-900">{shortcut.key}</kbd>
                    </dt>
                    <dd className="text-slate-900">{t.shortcuts.actions[shortcut.id]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="flex justify-end">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)} data-autofocus>
              {t.shortcuts.close}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
