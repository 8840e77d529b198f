"use client";
import Link from "next/link";
import { useState } from "react";
import { PASSKEY_OFFER_COOKIE } from "@/lib/auth/cookies";
import type { Sections } from "@/lib/i18n/dictionaries";

// Shown to users without a passkey until they add one or say "later" (asked again in 30 days).
export function PasskeyOffer({ t }: { t: Sections<"strong"> }) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  return (
    <aside aria-label={t.strong.passkeysTitle} className="border-b border-teal-200 bg-teal-50">
      <div className="mx-auto flex w-full max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm text-teal-950">
        <p>{t.strong.offer}</p>
        <div className="flex gap-3">
          <Link href="/dashboard/settings#passkeys" className="font-semibold underline">
            {t.strong.offerAction}
          </Link>
          <button
            type="button"
            className="text-teal-900 underline"
            onClick={() => {
              document.cookie = `${PASSKEY_OFFER_COOKIE}=later; path=/; max-age=2592000; samesite=lax`;
              setHidden(true);
            }}
          >
            {t.strong.later}
          </button>
        </div>
      </div>
    </aside>
  );
}
