"use client";
import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/controls";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locale";

const NAMES: Record<Locale, string> = { ko: "한국어", en: "English" };

export function LanguageSwitcher({ locale, label }: { locale: Locale; label: string }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <span className="sr-only">{label}</span>
      <Select
        value={locale}
        onChange={(event) => {
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {NAMES[option]}
          </option>
        ))}
      </Select>
    </label>
  );
}
