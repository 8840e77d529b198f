// A page's query string as Next hands it over.
export type SearchParams = Record<string, string | string[] | undefined>;

// The one-time token a mailed link carries, bounded in size; absent or repeated means none.
export function mailedToken(params: SearchParams): string {
  return typeof params.token === "string" ? params.token.slice(0, 4096) : "";
}
