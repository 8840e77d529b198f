"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import type { SocialProvider } from "@/lib/auth/social-providers";
import { startSocialSignIn } from "@/lib/client/social";
import { format, type Sections } from "@/lib/i18n/dictionaries";

// Each provider's own brand colours, as their sign-in button guidelines ask, within WCAG contrast.
const BRAND: Record<SocialProvider, string> = {
  google: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  kakao: "bg-[#FEE500] text-black/85 hover:bg-[#F5DC00]",
  // Naver's green with black text: white on it fails WCAG contrast (2.4:1).
  naver: "bg-[#03C75A] text-black hover:bg-[#02B350]",
};

function Logo({ provider }: { provider: SocialProvider }) {
  if (provider === "google") {
    return (
      <svg aria-hidden="true" viewBox="0 0 48 48" className="size-5">
        <path fill="#EA4335" d="M24 9.5c3.5 0 6.6 1.2 9 3.6l6.7-6.7C35.6 2.4 30.2 0 24 0 14.6 0 6.6 5.4 2.6 13.3l7.8 6C12.3 13.5 17.7 9.5 24 9.5z" />
        <path fill="#4285F4" d="M46.1 24.5c0-1.6-.1-3.1-.4-4.5H24v9h12.4c-.5 2.9-2.2 5.4-4.6 7l7.5 5.8c4.4-4 6.8-10 6.8-17.3z" />
        <path fill="#FBBC05" d="M10.4 28.7A14.5 14.5 0 0 1 9.5 24c0-1.6.3-3.2.8-4.7l-7.8-6A24 24 0 0 0 0 24c0 3.9.9 7.5 2.6 10.7l7.8-6z" />
        <path fill="#34A853" d="M24 48c6.5 0 11.9-2.1 15.9-5.8l-7.5-5.8c-2.1 1.4-4.8 2.3-8.4 2.3-6.3 0-11.7-4-13.6-9.8l-7.8 6C6.6 42.6 14.6 48 24 48z" />
      </svg>
    );
  }
  if (provider === "kakao") {
    return (
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5">
        <path fill="currentColor" d="M12 3C6.5 3 2 6.5 2 10.8c0 2.8 1.9 5.2 4.7 6.6l-1 3.6c-.1.3.3.6.6.4l4.2-2.8c.5.1 1 .1 1.5.1 5.5 0 10-3.5 10-7.9S17.5 3 12 3z" />
      </svg>
    );
  }
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4">
      <path fill="currentColor" d="M16.3 12.8 7.4 0H0v24h7.7V11.2L16.6 24H24V0h-7.7z" />
    </svg>
  );
}

// `down`: providers whose circuit breaker is open (lib/auth/provider-breaker.ts); their button says
// so and points to the e-mail form instead of starting a sign-in bound to fail.
export function SocialButtons({ t, providers, down = [], next }: { t: Sections<"social">; providers: SocialProvider[]; down?: SocialProvider[]; next?: string }) {
  const [pending, setPending] = useState<SocialProvider | null>(null);
  const [failed, setFailed] = useState(false);
  if (providers.length === 0) return null;

  async function start(provider: SocialProvider) {
    setPending(provider);
    setFailed(false);
    // On success the page is leaving; the spinner stays until it has.
    if (!(await startSocialSignIn(provider, { next }))) {
      setPending(null);
      setFailed(true);
    }
  }

  return (
    <div className="flex flex-col gap-2">
      {failed ? <Alert>{t.social.errors.unavailable}</Alert> : null}
      {providers.map((provider) =>
        down.includes(provider) ? (
          <button
            key={provider}
            type="button"
            disabled
            data-provider-down={provider}
            className="inline-flex items-center justify-center gap-3 rounded-lg border border-dashed border-slate-300 bg-slate-50 px-4 py-2.5 text-sm font-medium text-slate-700"
          >
            <Logo provider={provider} />
            {format(t.social.providerDown, { provider: t.social.names[provider] })}
          </button>
        ) : (
          <button
            key={provider}
            type="button"
            onClick={() => void start(provider)}
            disabled={pending !== null}
            aria-busy={pending === provider || undefined}
            className={`inline-flex items-center justify-center gap-3 rounded-lg px-4 py-2.5 font-semibold transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:cursor-not-allowed disabled:opacity-60 ${BRAND[provider]}`}
          >
            {pending === provider ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : <Logo provider={provider} />}
            {pending === provider ? t.social.redirecting : t.social.continueWith[provider]}
          </button>
        ),
      )}
    </div>
  );
}

// "or" between the social buttons and the e-mail form.
export function OrDivider({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600" role="separator" aria-label={label}>
      <span className="h-px flex-1 bg-slate-200" />
      {label}
      <span className="h-px flex-1 bg-slate-200" />
    </div>
  );
}
