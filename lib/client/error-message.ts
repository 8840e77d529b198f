import { format, type Dictionary, type Sections } from "@/lib/i18n/dictionaries";

export type ErrorMessages = Partial<Dictionary["apiErrors"]>;

function hasMessage(messages: Dictionary["apiErrors"], code: string): code is keyof Dictionary["apiErrors"] {
  return Object.hasOwn(messages, code);
}

// What a refused API call tells the person, in the page's language: the form's own wording for a
// code when it has one, else the code's. The server's `message` is the same wording in the
// request's language, which need not be the page's (a switched language, an API client).
export function errorMessage(t: Sections<"apiErrors" | "common">, failure: { code: string; retryAfter?: number }, own: ErrorMessages = {}): string {
  if (!hasMessage(t.apiErrors, failure.code)) return t.common.genericError;
  const wording = own[failure.code] ?? t.apiErrors[failure.code];
  // A 429 without Retry-After still names a wait: a minute.
  return failure.code === "RATE_LIMITED" ? format(wording, { seconds: failure.retryAfter ?? 60 }) : wording;
}

// For a form that shows one message rather than one beside each field: the first field's reason
// (already in the reader's language), else what the code means.
export function firstProblem(t: Sections<"apiErrors" | "common">, failure: { code: string; retryAfter?: number; fields: Record<string, string> }, own: ErrorMessages = {}): string {
  return Object.values(failure.fields)[0] ?? errorMessage(t, failure, own);
}
