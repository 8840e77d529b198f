// Every language's texts, for the server (lib/i18n/server.ts) and tests; client code is handed
// the sections it needs instead (Sections in lib/i18n/dictionaries.ts).
import type { Dictionary } from "@/lib/i18n/dictionaries";
import { en } from "@/lib/i18n/en";
import { ko } from "@/lib/i18n/ko";
import type { Locale } from "@/lib/i18n/locale";

export const DICTIONARIES: Record<Locale, Dictionary> = { ko, en };
