import Link from "next/link";
import { SocialButtons } from "@/components/auth/social-buttons";
import { configuredProviders } from "@/lib/auth/oauth-providers";
import { openProviders } from "@/lib/auth/provider-breaker";
import { sections } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";

export default async function WelcomePage() {
  const { t } = await getDictionary();
  return (
    <section className="mx-auto flex max-w-2xl flex-col items-center gap-6 py-10 text-center">
      <p className="rounded-full bg-teal-100 px-3 py-1 text-sm font-semibold text-teal-900">{t.common.tagline}</p>
      <h1 className="text-3xl leading-tight font-extrabold text-slate-900 sm:text-5xl">{t.welcome.title}</h1>
      <p className="text-lg text-slate-700">{t.welcome.body}</p>
      <ul className="grid w-full gap-3 sm:grid-cols-3">
        {t.welcome.features.map((feature) => (
          <li key={feature} className="rounded-xl border border-slate-200 bg-white px-4 py-3 font-medium text-slate-800">
            {feature}
          </li>
        ))}
      </ul>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Link href="/signup" className="rounded-lg bg-teal-700 px-6 py-3 font-semibold text-white hover:bg-teal-800">
          {t.welcome.start}
        </Link>
        <Link href="/login" className="rounded-lg border border-slate-300 bg-white px-6 py-3 font-semibold text-slate-800 hover:bg-slate-100">
          {t.welcome.haveAccount}
        </Link>
      </div>
      <div className="w-full max-w-sm">
        <SocialButtons t={sections(t, "social")} providers={configuredProviders()} down={await openProviders()} />
      </div>
    </section>
  );
}
