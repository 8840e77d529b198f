"use client";
import Link from "next/link";
import type { Dispatch, SetStateAction } from "react";
import { Input } from "@/components/ui/controls";
import type { Sections } from "@/lib/i18n/dictionaries";

export interface Consents {
  terms: boolean;
  privacy: boolean;
  marketing: boolean;
}

function Checkbox({ name, label, checked, onChange, error }: { name: string; label: string; checked: boolean; onChange: (value: boolean) => void; error?: string }) {
  return (
    <div>
      <label className="flex items-start gap-2 text-sm text-slate-800">
        <Input type="checkbox" name={name} checked={checked} onChange={(event) => onChange(event.target.checked)} aria-invalid={error ? true : undefined} className="mt-0.5 size-4 accent-teal-700" />
        <span>{label}</span>
      </label>
      {error ? <p className="ml-6 text-sm text-red-700">{error}</p> : null}
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
      <Checkbox name="terms" label={t.signup.terms} checked={consents.terms} onChange={(terms) => onChange((current) => ({ ...current, terms }))} error={fields["consents.terms"]} />
      <Checkbox name="privacy" label={t.signup.privacy} checked={consents.privacy} onChange={(privacy) => onChange((current) => ({ ...current, privacy }))} error={fields["consents.privacy"]} />
      <Checkbox name="marketing" label={t.signup.marketing} checked={consents.marketing} onChange={(marketing) => onChange((current) => ({ ...current, marketing }))} />
    </fieldset>
  );
}
