"use client";
import { createContext, useContext, useEffect, useEffectEvent, useMemo, useRef, useState, type FocusEvent, type ReactNode } from "react";
import type { Sections } from "@/lib/i18n/dictionaries";

export type ToastTone = "info" | "success" | "error";
// Why a toast went: its action was taken, its close button pressed, its time ran out, it was pushed
// out by newer ones, or its owner closed it (a page being left).
export type ToastEnd = "action" | "dismissed" | "expired" | "closed";

export interface ToastOptions {
  message: string;
  tone?: ToastTone;
  // The toast's one button beside its close button ("undo"); what it does is the owner's onEnd("action").
  action?: { label: string };
  // Called once, whatever ends the toast.
  onEnd?: (end: ToastEnd) => void;
}

interface Toast extends ToastOptions {
  id: number;
  tone: ToastTone;
}

interface Toaster {
  show: (options: ToastOptions) => number;
  close: (id: number, end?: ToastEnd) => void;
}

// Long enough to read the message and reach "undo" with the keyboard; errors stay longer.
const DURATION_MS: Record<ToastTone, number> = { info: 6_000, success: 5_000, error: 10_000 };
// More than this at once and the oldest makes way: a stack that covers the page helps no one.
const MAX_SHOWN = 3;

const ToastContext = createContext<Toaster | null>(null);

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error("useToast is used outside a ToastProvider");
  return toaster;
}

const TONES: Record<ToastTone, string> = {
  info: "bg-slate-900 text-white",
  success: "bg-slate-900 text-white",
  error: "border border-red-200 bg-red-50 text-red-800",
};

function ToastItem({ toast, paused, dismissLabel, onEnd }: { toast: Toast; paused: boolean; dismissLabel: string; onEnd: (end: ToastEnd) => void }) {
  const remaining = useRef(DURATION_MS[toast.tone]);
  const expire = useEffectEvent(() => onEnd("expired"));
  // The clock stops while the pointer or the keyboard is on the toasts, and goes on from there.
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(expire, remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused]);
  return (
    <div className={`pointer-events-auto flex items-center gap-3 rounded-lg px-4 py-3 text-sm shadow-lg ${TONES[toast.tone]}`} data-tone={toast.tone}>
      {toast.tone === "success" ? (
        <span aria-hidden="true" className="font-bold text-emerald-300">
          ✓
        </span>
      ) : null}
      <p className="min-w-0 flex-1 break-words">{toast.message}</p>
      {toast.action ? (
        <button
          type="button"
          onClick={() => onEnd("action")}
          className={`shrink-0 rounded px-1 font-bold underline focus-visible:outline-2 focus-visible:outline-offset-2 ${toast.tone === "error" ? "text-red-900 focus-visible:outline-red-800" : "text-teal-300 focus-visible:outline-teal-300"}`}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => onEnd("dismissed")}
        aria-label={dismissLabel}
        className={`shrink-0 rounded px-1 text-lg leading-none focus-visible:outline-2 ${toast.tone === "error" ? "text-red-800 focus-visible:outline-red-800" : "text-slate-300 hover:text-white focus-visible:outline-teal-300"}`}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}

// The one place the app tells the user what just happened: "deleted, undo", a failed save. Good news
// and undo offers are read out politely; errors at once. Both live regions are always in the page,
// so a toast added to them is announced.
export function ToastProvider({ t, children }: { t: Sections<"toast">; children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [paused, setPaused] = useState(false);
  // The toasts as the callbacks see them, so each one's onEnd runs once, outside React's updates.
  const live = useRef(new Map<number, Toast>());
  const nextId = useRef(1);

  const toaster = useMemo<Toaster>(() => {
    function close(id: number, end: ToastEnd = "closed") {
      const toast = live.current.get(id);
      if (!toast) return;
      live.current.delete(id);
      setToasts([...live.current.values()]);
      toast.onEnd?.(end);
    }
    function show(options: ToastOptions): number {
      const id = nextId.current++;
      live.current.set(id, { ...options, id, tone: options.tone ?? "info" });
      setToasts([...live.current.values()]);
      const overflow = [...live.current.keys()].slice(0, -MAX_SHOWN);
      for (const old of overflow) close(old, "expired");
      return id;
    }
    return { show, close };
  }, []);

  const region = (tones: ToastTone[]) =>
    toasts
      .filter((toast) => tones.includes(toast.tone))
      .map((toast) => <ToastItem key={toast.id} toast={toast} paused={paused} dismissLabel={t.toast.dismiss} onEnd={(end) => toaster.close(toast.id, end)} />);

  function onBlur(event: FocusEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.relatedTarget)) setPaused(false);
  }

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <section
        aria-label={t.toast.region}
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={onBlur}
        className="pointer-events-none fixed inset-x-0 bottom-[max(1rem,env(safe-area-inset-bottom))] z-50 mx-auto flex w-full max-w-md flex-col gap-2 px-4"
      >
        <div role="alert" className="flex flex-col gap-2">
          {region(["error"])}
        </div>
        <div role="status" className="flex flex-col gap-2">
          {region(["info", "success"])}
        </div>
      </section>
    </ToastContext.Provider>
  );
}
