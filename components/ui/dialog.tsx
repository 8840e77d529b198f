"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";

// Where a popover opens beside what it was opened from: the box it hangs from, and the element that
// gets focus back when it closes (a click on an empty part of a day leaves focus on the page).
export interface Anchor {
  box: Pick<DOMRect, "top" | "bottom" | "left">;
  returnFocus: HTMLElement | null;
}

// Keeps a popover this far inside the window's edges and off its anchor.
const EDGE = 8;
const GAP = 4;

// Below the anchor where it fits, else above it; slid left to stay on the screen. Phones get a bottom
// sheet from the stylesheet instead, as a popover beside a finger-sized day would cover it.
function placeBeside(dialog: HTMLDialogElement, box: Anchor["box"]) {
  if (!window.matchMedia("(min-width: 40rem)").matches) return;
  const { width, height } = dialog.getBoundingClientRect();
  const below = box.bottom + GAP;
  const top = below + height <= window.innerHeight - EDGE ? below : Math.max(EDGE, box.top - GAP - height);
  const left = Math.max(EDGE, Math.min(box.left, window.innerWidth - width - EDGE));
  Object.assign(dialog.style, { top: `${top}px`, left: `${left}px`, right: "auto", bottom: "auto" });
}

// A native modal <dialog>: the browser traps focus, Esc closes it, and the page behind is inert.
// React focuses an `autoFocus` field as it mounts, while the dialog is still closed, so the browser
// would then put focus on its own first pick (the scrolling frame): a field that should have focus
// when the dialog opens says so with `data-autofocus`. On closing, focus goes back to what opened it.
// With an `anchor` it is a small popover by that place, closed by a click outside it as well.
export function Dialog({ title, onClose, anchor, children }: { title: string; onClose: () => void; anchor?: Anchor; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Read once, as it opens: the effect below runs only then.
  const opened = useRef(anchor);
  useEffect(() => {
    const dialog = ref.current;
    const opener = opened.current ? opened.current.returnFocus : document.activeElement;
    if (dialog && !dialog.open) {
      dialog.showModal();
      if (opened.current) placeBeside(dialog, opened.current.box);
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const shape = anchor ? "mt-auto mb-0 w-full max-w-none rounded-t-2xl sm:m-0 sm:w-80 sm:rounded-2xl" : "m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself; one inside lands on its content.
      onClick={anchor ? (event) => event.target === event.currentTarget && onClose() : undefined}
      className={`${shape} border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 ${anchor ? "sm:backdrop:bg-transparent" : ""}`}
    >
      <div className={anchor ? "max-h-[85dvh] overflow-y-auto p-4" : "max-h-[85dvh] overflow-y-auto p-5 sm:p-6"}>
        <h2 id={titleId} className={anchor ? "mb-3 text-base font-bold" : "mb-4 text-lg font-bold"}>
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
