// How an API request says who is calling: the ACCESS_TOKEN cookie a browser sends by itself, or an
// `Authorization: Bearer` header a script or another service sets on purpose, carrying either the
// same access token as the cookie or a personal access token (`tpat_…`, opaque, checked against the
// database by the route: lib/auth/personal-tokens.ts). Edge-safe: middleware.ts reads requests with
// it too, so nothing here may reach the database.
import { COOKIE } from "@/lib/auth/cookies";
import type { PersonalTokenScope } from "@/lib/validations/personal-token-rules";

export const PERSONAL_TOKEN_PREFIX = "tpat_";

// The only part of the API a personal access token may reach: the middleware lets one through to
// these paths alone. Each route there still opts in with the scope it needs (lib/http/route.ts);
// every other route refuses one, so a new route is closed to tokens until it says otherwise.
export const PLANNER_API_PREFIXES = ["/api/events", "/api/todos", "/api/bucket-items", "/api/search", "/api/holidays"] as const;

export function isPlannerApi(pathname: string): boolean {
  return PLANNER_API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export type ApiCredential =
  | { kind: "none" }
  | { kind: "cookie"; token: string }
  | { kind: "bearer"; token: string }
  | { kind: "personal"; token: string }
  // A cookie and a header at once: which one the caller meant is not guessed (lib/auth/guard.ts).
  | { kind: "ambiguous" };

interface CredentialSource {
  headers: Headers;
  cookies: { get(name: string): { value: string } | undefined };
}

function bearerToken(header: string | null): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? "")?.[1];
}

export function apiCredential(request: CredentialSource): ApiCredential {
  const cookie = request.cookies.get(COOKIE.ACCESS)?.value;
  const bearer = bearerToken(request.headers.get("authorization"));
  if (cookie && bearer !== undefined) return { kind: "ambiguous" };
  if (cookie) return { kind: "cookie", token: cookie };
  if (bearer === undefined) return { kind: "none" };
  return bearer.startsWith(PERSONAL_TOKEN_PREFIX) ? { kind: "personal", token: bearer } : { kind: "bearer", token: bearer };
}

// RFC 6750's challenge for a bearer the API refused: a script learns why without parsing the body.
export function bearerChallenge(error: "invalid_token" | "insufficient_scope", scope?: PersonalTokenScope): Record<string, string> {
  return { "WWW-Authenticate": `Bearer realm="tropical", error="${error}"${scope ? `, scope="${scope}"` : ""}` };
}
