"use client";
import Link from "next/link";
import { useEffect, useEffectEvent, useId, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { Input } from "@/components/ui/controls";
import { format, type Sections } from "@/lib/i18n/dictionaries";

export interface Consents {
  terms: boolean;
  privacy: boolean;
  marketing: boolean;
}

type Consent = keyof Consents;
const CONSENTS: Consent[] = ["terms", "privacy", "marketing"];

// One consent: its box, a "View" disclosure with the gist of what is agreed to, and its error.
function ConsentRow({ t, name, checked, onChange, error }: { t: Sections<"signup">; name: Consent; checked: boolean; onChange: (value: boolean) => void; error?: string }) {
  const [open, setOpen] = useState(false);
  const summaryId = `${useId()}-summary`;
  return (
    <div>
      <div className="flex items-start justify-between gap-2">
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <Input
            type="checkbox"
            name={name}
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-invalid={error ? true : undefined}
            className="mt-0.5 size-4 shrink-0 accent-teal-700"
          />
          <span>{t.signup[name]}</span>
        </label>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={summaryId}
          aria-label={format(t.signup.viewOf, { name: t.signup.consentNames[name] })}
          onClick={() => setOpen((current) => !current)}
          className="flex shrink-0 items-center gap-1 rounded px-1 text-sm text-slate-600 underline hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
        >
          {t.signup.view}
          <span aria-hidden="true" className={`inline-block transition-transform ${open ? "rotate-180" : ""}`}>
            ▾
          </span>
        </button>
      </div>
      <p id={summaryId} hidden={!open} className="mt-1 ml-6 rounded-md bg-slate-50 p-2 text-xs leading-relaxed text-slate-700">
        {t.signup.summaries[name]}
      </p>
      {error ? <p className="ml-6 text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

// Ticks or clears every consent at once; half-ticked ("mixed") while only some are.
function AgreeAll({ t, consents, onChange }: { t: Sections<"signup">; consents: Consents; onChange: Dispatch<SetStateAction<Consents>> }) {
  const count = CONSENTS.filter((name) => consents[name]).length;
  const all = count === CONSENTS.length;
  const setAll = (checked: boolean) => onChange({ terms: checked, privacy: checked, marketing: checked });
  const box = useRef<HTMLInputElement>(null);
  // Ticked before the page's scripts ran: handed over on hydration, as use-typed-early.ts does for
  // the other boxes (this one needs its own ref for `indeterminate`).
  const handOver = useEffectEvent(() => {
    if (box.current?.checked) setAll(true);
  });
  useLayoutEffect(() => handOver(), []);
  // `indeterminate` is a property only, never an attribute: set on the element itself.
  useEffect(() => {
    if (box.current) box.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <div className="border-b border-slate-200 pb-2">
      <label className="flex items-start gap-2 text-sm font-semibold text-slate-900">
        <input ref={box} type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} aria-describedby="agree-all-hint" className="mt-0.5 size-4 shrink-0 accent-teal-700" />
        {t.signup.agreeAll}
      </label>
      <p id="agree-all-hint" className="ml-6 text-xs text-slate-600">
        {t.signup.agreeAllHint}
      </p>
    </div>
  );
}

// Terms and privacy (required) and marketing (optional), asked at local sign-up and at onboarding.
// Each box updates the latest consents: on hydration every box ticked early reports in one commit.
export function ConsentFieldset({ t, consents, onChange, fields }: { t: Sections<"signup">; consents: Consents; onChange: Dispatch<SetStateAction<Consents>>; fields: Record<string, string> }) {
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-800">
        <Link href="/terms" target="_blank" className="text-teal-800 underline">
          {t.signup.readTerms}
        </Link>
      </legend>
      <AgreeAll t={t} consents={consents} onChange={onChange} />
      {CONSENTS.map((name) => (
        <ConsentRow key={name} t={t} name={name} checked={consents[name]} onChange={(value) => onChange((current) => ({ ...current, [name]: value }))} error={fields[`consents.${name}`]} />
      ))}
    </fieldset>
  );
}
