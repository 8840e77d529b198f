"use client";
import { Field } from "@/components/ui/field";
import type { Sections } from "@/lib/i18n/dictionaries";

// The authenticator app's code, or a recovery code instead, with the switch between the two:
// the second step of a sign-in and the step-up dialog ask for it the same way.
export function SecondFactorField({
  t,
  recovery,
  onSwitch,
  value,
  onChange,
  error,
  autoFocus,
}: {
  t: Sections<"strong">;
  recovery: boolean;
  onSwitch: () => void;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <Field
        key={recovery ? "recovery" : "code"}
        label={recovery ? t.strong.recoveryCode : t.strong.code}
        name={recovery ? "recoveryCode" : "code"}
        inputMode={recovery ? "text" : "numeric"}
        autoComplete="one-time-code"
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={error}
      />
      <button type="button" onClick={onSwitch} className="self-start text-sm font-semibold text-teal-800 underline">
        {recovery ? t.strong.useCode : t.strong.useRecoveryCode}
      </button>
    </>
  );
}
