"use client";
import { useCallback, useState } from "react";

// A value the page read on the server with itself (a settings panel's list), so the panel shows it
// from the first paint, and `reload` to read it again after a change the component made. `load`
// resolves to the value, or to `undefined` to keep the one shown (the API refused); `reload`
// rejects when `load` does.
export function useReloadable<T>(initial: T, load: () => Promise<T | undefined>): [value: T, reload: () => Promise<void>] {
  const [value, setValue] = useState(initial);
  const reload = useCallback(async () => {
    const loaded = await load();
    if (loaded !== undefined) setValue(loaded);
  }, [load]);
  return [value, reload];
}
