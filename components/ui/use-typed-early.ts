"use client";
import { useEffectEvent, useLayoutEffect, useRef, type ChangeEvent } from "react";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

// What was typed, chosen or ticked before the page's scripts ran stays in the control but never
// reached its owner's state: the form showed it and sent it empty. On hydration the owner is handed
// it once, in the commit itself, so no click can come between the page turning live and the form
// knowing. Only the first render's value (a checkbox's `checked`) is compared: later differences are
// the owner's own changes.
export function useTypedEarly<Element extends Control>(value: unknown, onChange: ((event: ChangeEvent<Element>) => void) | undefined) {
  const element = useRef<Element>(null);
  const handOver = useEffectEvent(() => {
    const control = element.current;
    if (!control || !onChange) return;
    const early = typeof value === "boolean" ? control instanceof HTMLInputElement && control.checked !== value : typeof value === "string" && control.value !== value;
    if (early) onChange({ target: control, currentTarget: control } as ChangeEvent<Element>);
  });
  // Once, on hydration: later renders' values are the owner's own.
  useLayoutEffect(() => handOver(), []);
  return element;
}
