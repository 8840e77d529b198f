import "server-only";
import { cookies, headers } from "next/headers";
import { DICTIONARIES, type Dictionary } from "@/lib/i18n/dictionaries";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locale";

export async function getLocale(): Promise<Locale> {
  return negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export async function getDictionary(): Promise<{ locale: Locale; t: Dictionary }> {
  const locale = await getLocale();
  return { locale, t: DICTIONARIES[locale] };
}
