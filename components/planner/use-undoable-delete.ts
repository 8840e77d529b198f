"use client";
import { useEffect, useRef, useState } from "react";

const UNDO_WINDOW_MS = 6_000;

// Hides an item at once and deletes it on the server only when the undo window closes (or the page
// is left), so "undo" never has to re-create anything.
export function useUndoableDelete<Item extends { id: string }>(commit: (item: Item) => Promise<void>) {
  const [pending, setPending] = useState<Item | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // For the timer and the page-leave handler, which outlive the render that set them up.
  const waiting = useRef<Item | null>(null);
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  });

  function flush() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const item = waiting.current;
    waiting.current = null;
    if (item) void latestCommit.current(item);
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
    waiting.current = item;
    timer.current = setTimeout(flush, UNDO_WINDOW_MS);
  }

  function undo() {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waiting.current = null;
    setPending(null);
  }

  return { pending, remove, undo };
}
