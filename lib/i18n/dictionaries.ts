// What every language's texts have in common, and the helpers pages and components use on them.
// The texts themselves are in lib/i18n/ko.ts and en.ts (Korean first; English for everyone else),
// and reach the server through lib/i18n/languages.ts: nothing a client file imports from here
// brings a whole language into its JavaScript.
import type { ko } from "@/lib/i18n/ko";

// The same keys in every language; strings become plain strings, nested groups keep their keys.
type Widen<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { [Key in keyof T]: Widen<T[Key]> };
type Dictionary = Widen<typeof ko>;

export type { Dictionary };

// What a client component is handed: only the sections it reads, so a page's HTML carries those and
// not every page's texts. Its props say which; the page picks them with sections().
export type Sections<Key extends keyof Dictionary> = Pick<Dictionary, Key>;

export function sections<Key extends keyof Dictionary>(t: Dictionary, ...keys: Key[]): Sections<Key> {
  return Object.fromEntries(keys.map((key) => [key, t[key]])) as Sections<Key>;
}

export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

// The message for an `oauth_error` query value (lib/auth/oauth-client.ts), if it names a known one.
export function socialErrorMessage(t: Dictionary, value: unknown): string | undefined {
  const errors: Record<string, string> = t.social.errors;
  return typeof value === "string" && Object.hasOwn(errors, value) ? errors[value] : undefined;
}
