import { format, type Dictionary } from "@/lib/i18n/dictionaries";

export type ErrorMessages = Partial<Dictionary["apiErrors"]>;

function hasMessage(messages: Dictionary["apiErrors"], code: string): code is keyof Dictionary["apiErrors"] {
  return Object.hasOwn(messages, code);
}

// What a refused API call tells the person, in the page's language: the form's own wording for a
// code when it has one, else the code's. The server's `message` is English and never shown.
export function errorMessage(t: Dictionary, failure: { code: string; retryAfter?: number }, own: ErrorMessages = {}): string {
  if (!hasMessage(t.apiErrors, failure.code)) return t.common.genericError;
  const wording = own[failure.code] ?? t.apiErrors[failure.code];
  // A 429 without Retry-After still names a wait: a minute.
  return failure.code === "RATE_LIMITED" ? format(wording, { seconds: failure.retryAfter ?? 60 }) : wording;
}
