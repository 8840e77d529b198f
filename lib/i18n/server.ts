import "server-only";
import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import type { Dictionary } from "@/lib/i18n/dictionaries";
import { DICTIONARIES } from "@/lib/i18n/languages";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locale";
import { DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_COOKIE } from "@/lib/planner/dates";
import { parseTheme, THEME_COOKIE, type Theme } from "@/lib/theme";

export async function getLocale(): Promise<Locale> {
  return negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export async function getDictionary(): Promise<{ locale: Locale; t: Dictionary }> {
  const locale = await getLocale();
  return { locale, t: DICTIONARIES[locale] };
}

// A page's generateMetadata: its <title> in the request's language (the root layout's template adds
// " · TropiCal"), with the page's other metadata.
export function titledMetadata(page: keyof Dictionary["pageTitles"], rest: Omit<Metadata, "title"> = {}): () => Promise<Metadata> {
  return async () => ({ ...rest, title: (await getDictionary()).t.pageTitles[page] });
}

// The zone a page draws dates and "today" in, the same on the server and in the browser: the
// account's saved one, else the browser's as its earlier pages wrote it, else Korea's.
export async function getTimeZone(saved: string | null | undefined): Promise<string> {
  if (saved) return saved;
  const written = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return written && isTimeZone(written) ? written : DEFAULT_TIME_ZONE;
}

// The colour theme the browser chose in settings (lib/theme.ts), for the root layout to draw with.
export async function getTheme(): Promise<Theme> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}
