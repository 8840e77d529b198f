"use client";
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useTypedEarly } from "@/components/ui/use-typed-early";

// Native controls that hand their owner what was typed, chosen or ticked before the page's scripts
// ran (use-typed-early.ts). Use them wherever a control's value lives in React state.
export function Input(props: InputHTMLAttributes<HTMLInputElement>) {
  const element = useTypedEarly(props.type === "checkbox" ? props.checked : props.value, props.onChange);
  return <input ref={element} {...props} />;
}

export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  const element = useTypedEarly(props.value === undefined ? undefined : String(props.value), props.onChange);
  return <select ref={element} {...props} />;
}

export function Textarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const element = useTypedEarly(props.value === undefined ? undefined : String(props.value), props.onChange);
  return <textarea ref={element} {...props} />;
}
