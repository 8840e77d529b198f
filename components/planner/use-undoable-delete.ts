"use client";
import { useEffect, useRef, useState } from "react";

const UNDO_WINDOW_MS = 6_000;

// Hides an item at once and deletes it on the server only when the undo window closes (or the page
// is left), so "undo" never has to re-create anything.
export function useUndoableDelete<Item extends { id: string }>(commit: (item: Item) => Promise<void>) {
  const [pending, setPending] = useState<Item | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<{ item: Item | null; commit: typeof commit }>({ item: null, commit });
  latest.current = { item: pending, commit };

  function flush() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const { item, commit: run } = latest.current;
    if (item) void run(item);
    setPending(null);
  }

  useEffect(() => {
    const onLeave = () => flush();
    window.addEventListener("pagehide", onLeave);
    return () => {
      window.removeEventListener("pagehide", onLeave);
      onLeave();
    };
  }, []);

  function remove(item: Item) {
    flush();
    setPending(item);
    latest.current.item = item;
    timer.current = setTimeout(flush, UNDO_WINDOW_MS);
  }

  function undo() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current.item = null;
    setPending(null);
  }

  return { pending, remove, undo };
}
