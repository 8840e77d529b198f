"use client";
import { useEffect, useState, type InputHTMLAttributes } from "react";
import { PasswordField } from "@/components/ui/field";
import { format, type Sections } from "@/lib/i18n/dictionaries";
import { MIN_PASSWORD_SCORE } from "@/lib/validations/password-rules";

type Score = 0 | 1 | 2 | 3 | 4;
const COLORS = ["bg-red-600", "bg-orange-500", "bg-amber-500", "bg-teal-600", "bg-emerald-700"];

// A password input with a strength meter. zxcvbn and its word lists are large, so they load only
// once the user starts typing; the server applies the same check either way.
export function NewPasswordField({
  t,
  clues,
  ...input
}: { t: Sections<"password" | "signup">; clues: string[]; label: string; name: string; error?: string; value: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  const [lastScore, setLastScore] = useState<Score | null>(null);
  const { value } = input;
  // While a new score is worked out the last one stays; an empty field has none.
  const score = value ? lastScore : null;
  const clueKey = clues.join("\u0000");
  useEffect(() => {
    if (!value) return;
    let active = true;
    void import("@/lib/auth/password-strength").then(({ passwordScore }) => {
      if (active) setLastScore(passwordScore(value, clueKey.split("\u0000")));
    });
    return () => {
      active = false;
    };
  }, [value, clueKey]);
  return (
    <div className="flex flex-col gap-1.5">
      <PasswordField autoComplete="new-password" hint={t.signup.passwordHint} showLabel={t.password.show} {...input} />
      {score !== null ? (
        <div>
          <div className="flex gap-1" aria-hidden="true">
            {[0, 1, 2, 3, 4].map((index) => (
              <span key={index} className={`h-1.5 flex-1 rounded-full ${index <= score ? COLORS[score] : "bg-slate-200"}`} />
            ))}
          </div>
          <p className={`mt-1 text-xs ${score >= MIN_PASSWORD_SCORE ? "text-slate-700" : "text-red-700"}`} aria-live="polite">
            {format(t.password.strength, { label: t.password.strengthLabels[score] ?? "" })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
