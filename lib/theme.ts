// The colour theme a browser asked for (not a secret, like the language): "system" follows the
// operating system's setting through CSS alone (app/globals.css), the others force one.
export const THEME_COOKIE = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
