// The languages TropiCal speaks and which one a request gets. No framework import: the Edge
// middleware, the route handlers and the pages choose the same way.
export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];
// The user's explicit language choice (set by the switcher, read by the server).
export const LOCALE_COOKIE = "lang";

function isLocale(value: string | undefined): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

// The user's explicit choice first, then the browser's languages; Korean when neither says.
export function negotiateLocale(chosen: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(chosen)) return chosen;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const language = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(language)) return language;
  }
  return "ko";
}
