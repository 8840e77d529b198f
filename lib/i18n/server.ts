import "server-only";
import { cookies, headers } from "next/headers";
import { DICTIONARIES, LOCALE_COOKIE, LOCALES, type Dictionary, type Locale } from "@/lib/i18n/dictionaries";

function isLocale(value: string | undefined): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

// The user's explicit choice first, then the browser's languages; Korean when neither says.
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get("accept-language") ?? "";
  for (const part of accepted.split(",")) {
    const language = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(language)) return language;
  }
  return "ko";
}

export async function getDictionary(): Promise<{ locale: Locale; t: Dictionary }> {
  const locale = await getLocale();
  return { locale, t: DICTIONARIES[locale] };
}
