"use client";
import { useCallback, useEffect, useState } from "react";

// A value a client component fetches once it is on the page (a settings panel's list), with `reload`
// for after a change the component made. `load` resolves to the value, or to `undefined` to keep the
// one shown (the API refused); it must be stable (module-level or useCallback), as a new one loads
// again. `reload` resolves once the new value is set and rejects when `load` does. When the first
// load rejects (no network), the value becomes `ifFailed` if one is given: an empty list rather than
// "loading" for ever. An answer that arrives after the component has gone, or after `load` changed,
// is dropped.
export function useLoaded<T>(load: () => Promise<T | undefined>, ifFailed?: T): [value: T | null, reload: () => Promise<void>] {
  const [value, setValue] = useState<T | null>(null);
  // The first render's, so that a literal `[]` does not count as a change.
  const [fallback] = useState(ifFailed);
  useEffect(() => {
    let current = true;
    load().then(
      (loaded) => {
        if (current && loaded !== undefined) setValue(loaded);
      },
      () => {
        if (current && fallback !== undefined) setValue(fallback);
      },
    );
    return () => {
      current = false;
    };
  }, [load, fallback]);
  const reload = useCallback(async () => {
    const loaded = await load();
    if (loaded !== undefined) setValue(loaded);
  }, [load]);
  return [value, reload];
}
