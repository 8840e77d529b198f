"use client";
import { useEffect, useRef, useState } from "react";
import { useToast } from "@/components/ui/toast";
import { DELETING_ITEMS_COOKIE, deletingItemsCookie, parseDeletingItems } from "@/lib/planner/deleting-items";

// Adds or drops `id` in the cookie that tells the next page which deletions may still be on their way.
function markDeleting(id: string, deleting: boolean) {
  const written = document.cookie
    .split("; ")
    .find((cookie) => cookie.startsWith(`${DELETING_ITEMS_COOKIE}=`))
    ?.slice(DELETING_ITEMS_COOKIE.length + 1);
  const ids = parseDeletingItems(written);
  if (deleting) ids.add(id);
  else ids.delete(id);
  document.cookie = deletingItemsCookie(ids, location.protocol === "https:");
}

export interface UndoableDelete<Item> {
  // Names the item while it waits: two deletions of one item are one.
  key: (item: Item) => string;
  // The row id the next page would read the item back by, when a whole row goes (lib/planner/deleting-items.ts).
  rowId?: (item: Item) => string | null;
  message: (item: Item) => string;
  undoLabel: string;
  // Sends the deletion; true once it is done (or was already). On false the item shows again and
  // `failed` says so.
  commit: (item: Item) => Promise<boolean>;
  failed: (item: Item) => string;
  // For an owner that took the item out of its own list: it is back (undone, or refused).
  restored?: (item: Item) => void;
}

// Every deletion in the planner: the item is hidden at once and a toast offers to undo it; it is
// deleted on the server only when the toast goes (or the page is left), so "undo" never has to
// re-create anything. `pending` are the items hidden while they wait.
export function useUndoableDelete<Item>(options: UndoableDelete<Item>) {
  const toast = useToast();
  const [pending, setPending] = useState<Item[]>([]);
  // For the toasts' callbacks and the page-leave handler, which outlive the render that set them up.
  const waiting = useRef(new Map<string, number>());
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    const waitingNow = waiting.current;
    // Leaving commits every deletion still waiting: its toast is closed, which sends it.
    const onLeave = () => {
      for (const id of [...waitingNow.values()]) toast.close(id);
    };
    window.addEventListener("pagehide", onLeave);
    return () => {
      window.removeEventListener("pagehide", onLeave);
      onLeave();
    };
  }, [toast]);

  async function settle(item: Item, keep: boolean) {
    const { key, rowId, commit, failed, restored } = latest.current;
    waiting.current.delete(key(item));
    const row = rowId?.(item) ?? null;
    const unhide = () => setPending((current) => current.filter((existing) => key(existing) !== key(item)));
    const done = keep ? false : await commit(item).catch(() => false);
    if (row) markDeleting(row, false);
    unhide();
    if (done) return;
    restored?.(item);
    if (!keep) toast.show({ tone: "error", message: failed(item) });
  }

  function remove(item: Item) {
    const { key, rowId, message, undoLabel } = latest.current;
    if (waiting.current.has(key(item))) return;
    const row = rowId?.(item) ?? null;
    if (row) markDeleting(row, true);
    setPending((current) => [...current, item]);
    const id = toast.show({ message: message(item), action: { label: undoLabel }, onEnd: (end) => void settle(item, end === "action") });
    waiting.current.set(key(item), id);
  }

  return { pending, remove };
}
