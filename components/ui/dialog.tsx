"use client";
import { useEffect, useRef, type ReactNode } from "react";

// A native modal <dialog>: the browser traps focus, Esc closes it, and the page behind is inert.
// React focuses an `autoFocus` field as it mounts, while the dialog is still closed, so the browser
// would then put focus on its own first pick (the scrolling frame): a field that should have focus
// when the dialog opens says so with `data-autofocus`. On closing, focus goes back to what opened it.
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="max-h-[85dvh] overflow-y-auto p-5 sm:p-6">
        <h2 id="dialog-title" className="mb-4 text-lg font-bold">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
