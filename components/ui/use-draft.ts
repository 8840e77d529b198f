"use client";
import { useState } from "react";

// A form's draft, and `edit` to change some of its fields. Each edit builds on the latest draft, not
// the render's: on hydration every control hands over what was typed before the scripts ran
// (use-typed-early.ts), all in one commit, and an edit from a stale draft would drop the others.
export function useDraft<Draft extends object>(initial: Draft) {
  const [draft, setDraft] = useState(initial);
  const edit = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  return { draft, edit, setDraft };
}
