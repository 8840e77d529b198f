"use client";
import { useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { Input, Select, Textarea } from "@/components/ui/controls";

// A labelled control: `name` is also its id, and names the hint and error it is described by.
interface Labelled {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

const CONTROL =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 outline-none focus-visible:border-teal-700 focus-visible:ring-2 focus-visible:ring-teal-700/30 aria-invalid:border-red-600";

function controlProps({ name, error, hint }: Labelled) {
  const describedBy = [error ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return { id: name, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: CONTROL };
}

function Frame({ label, name, error, hint, children }: Labelled & { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, name, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const labelled = { label, name, error, hint };
  return (
    <Frame {...labelled}>
      <Input {...controlProps(labelled)} {...input} />
    </Frame>
  );
}

// A password input with a toggle that shows what was typed: on a phone keyboard a slip is easy and
// unseen. The input keeps its autocomplete hint (current- or new-password) in both states, so
// password managers still recognise it.
export function PasswordField({ label, name, error, hint, showLabel, ...input }: Labelled & { showLabel: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const [shown, setShown] = useState(false);
  const labelled = { label, name, error, hint };
  const control = controlProps(labelled);
  return (
    <Frame {...labelled}>
      <div className="relative flex">
        <Input {...control} className={`${control.className} w-full pr-16`} {...input} type={shown ? "text" : "password"} />
        <button
          type="button"
          aria-pressed={shown}
          aria-controls={name}
          onClick={() => setShown((current) => !current)}
          className="absolute inset-y-1 right-1 rounded-md px-2 text-sm font-semibold text-teal-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-700"
        >
          {showLabel}
        </button>
      </div>
    </Frame>
  );
}

export function SelectField({ label, name, error, hint, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
  const labelled = { label, name, error, hint };
  return (
    <Frame {...labelled}>
      <Select {...controlProps(labelled)} {...select} />
    </Frame>
  );
}

export function TextareaField({ label, name, error, hint, ...textarea }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const labelled = { label, name, error, hint };
  return (
    <Frame {...labelled}>
      <Textarea {...controlProps(labelled)} {...textarea} />
    </Frame>
  );
}
