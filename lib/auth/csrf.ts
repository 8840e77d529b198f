import { ApiError } from "@/lib/errors";

// Every state-changing request must come from our own pages. Browsers send Origin on every POST,
// PATCH and DELETE; Sec-Fetch-Site is a second opinion where present. A request with neither
// header is not from a current browser (curl, server-to-server) and carries no ambient risk.
export function assertSameOrigin(request: Request, allowedOrigins: readonly string[]): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") throw new ApiError("CROSS_SITE_REQUEST");
  if (origin === null) {
    if (fetchSite === null || fetchSite === "same-origin" || fetchSite === "none") return;
    throw new ApiError("CROSS_SITE_REQUEST");
  }
  if (!allowedOrigins.includes(origin)) throw new ApiError("CROSS_SITE_REQUEST");
}
