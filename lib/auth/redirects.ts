// Edge-safe: used by middleware.ts and the refresh handler.
export const DEFAULT_SIGNED_IN_PATH = "/dashboard";

// `next` may only name a path on this site; anything else (other hosts, `//host`, `/\host`,
// `javascript:`, control characters) falls back to the dashboard.
export function safeNextPath(value: string | null | undefined): string {
  if (!value || value.length > 2048 || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return DEFAULT_SIGNED_IN_PATH;
  }
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_SIGNED_IN_PATH;
  const base = "http://same.invalid";
  try {
    const url = new URL(value, base);
    if (url.origin !== base) return DEFAULT_SIGNED_IN_PATH;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return DEFAULT_SIGNED_IN_PATH;
  }
}

// Set by the middleware on every page request: the path and query the browser asked for.
export const PAGE_PATH_HEADER = "x-tropical-page";
