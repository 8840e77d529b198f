import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/errors";

// Callers without a session (a metrics scraper, the platform's scheduler) prove themselves with a
// secret shared through the environment, sent as `Authorization: Bearer <secret>`. An endpoint whose
// secret is not configured does not exist: nothing is open because a variable was forgotten.
// NOTE: wrong secrets are not rate-limited: a refusal costs no query, and the secrets are at least
// 16 characters, meant to be random (lib/env.ts), which no one guesses over HTTP.
export function requireBearerSecret(request: Request, expected: string | undefined, realm: string): void {
  if (!expected) throw new ApiError("NOT_FOUND");
  const given = /^Bearer (.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!sameSecret(given, expected)) throw new ApiError("UNAUTHENTICATED", undefined, undefined, { "WWW-Authenticate": `Bearer realm="${realm}"` });
}

// Compared as digests: always 32 bytes against 32, so the time taken says nothing about the secret's
// length or where a guess first differs, and a header whose characters are wider in UTF-8 than in
// the header's own encoding cannot make the comparison throw.
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
