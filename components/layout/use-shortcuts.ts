"use client";
import { useEffect, useRef } from "react";

// Every keyboard shortcut, in the order the help dialog lists them: the dialog renders this table and
// the hook below matches it, so the two never disagree. `code` is the physical key, for when `key` is
// not what is printed on it (see matches()).
export const SHORTCUTS = [
  { id: "create", key: "c", code: "KeyC", group: "calendar" },
  { id: "today", key: "t", code: "KeyT", group: "calendar" },
  { id: "month", key: "m", code: "KeyM", group: "calendar" },
  { id: "week", key: "w", code: "KeyW", group: "calendar" },
  { id: "next", key: "n", code: "KeyN", group: "calendar" },
  { id: "previous", key: "p", code: "KeyP", group: "calendar" },
  { id: "search", key: "/", code: "Slash", group: "everywhere" },
  { id: "help", key: "?", code: "Slash", shift: true, group: "everywhere" },
] as const satisfies readonly { id: string; key: string; code: string; shift?: boolean; group: string }[];

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutId = Shortcut["id"];
export const SHORTCUT_GROUPS = ["calendar", "everywhere"] as const satisfies readonly Shortcut["group"][];

// In Hangul mode the C key reports "ㅊ" (or "Process" while the IME decides), so a key that is not
// plain ASCII is matched by where it sits instead; a Latin layout's letter is matched as printed, so
// on AZERTY "w" stays the key marked W. The IME's composition flag is not consulted: shortcuts never
// act inside a field, and outside one there is nothing it could be composing.
function matches(shortcut: Shortcut, event: KeyboardEvent): boolean {
  if (event.key === shortcut.key) return true;
  const shift = "shift" in shortcut && shortcut.shift;
  return !/^[\x20-\x7e]$/.test(event.key) && event.code === shortcut.code && event.shiftKey === shift;
}

// Typing, the browser's own shortcuts (Ctrl/⌘/Alt) and an open dialog (which has Esc) keep their keys.
function leftAlone(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target;
  if (target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]"))) return true;
  return document.querySelector("dialog[open]") !== null;
}

export function shortcutFor(event: KeyboardEvent): ShortcutId | null {
  if (leftAlone(event)) return null;
  return SHORTCUTS.find((shortcut) => matches(shortcut, event))?.id ?? null;
}

// Runs the handler of a shortcut pressed anywhere on the page. Each part of the page passes the ones it
// acts on (the calendar its views, the header search and help); the latest handlers are used, so
// callers need not memoise them.
export function useShortcuts(handlers: Partial<Record<ShortcutId, () => void>>): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const id = shortcutFor(event);
      const run = id ? latest.current[id] : undefined;
      if (!run) return;
      // The key is not typed anywhere: "c" opens a dialog whose title field takes the focus.
      event.preventDefault();
      run();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
