/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server (.next/standalone) for container images; scripts/build.ts completes it.
  output: "standalone",
  reactStrictMode: true,
  // Native addon: loaded by Node at run time, never bundled.
  serverExternalPackages: ["@node-rs/argon2"],
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "Cache-Control", value: "no-store" },
          // JSON is never a document: nothing in it may load, run or be framed.
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
        ],
      },
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        // The service worker is checked for a new version at every page load rather than kept for a
        // day; it fetches only from this site.
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache" },
          { key: "Content-Type", value: "text/javascript; charset=utf-8" },
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'" },
        ],
      },
      {
        // Calendar subscriptions (app/api/calendar/[token]) are polled by calendar apps: their own
        // copy may be reused for a few minutes, a shared cache's never (the URL is a credential).
        // Last: where several rules set one header, the later rule wins.
        source: "/api/calendar/:path*",
        headers: [
          { key: "Cache-Control", value: "private, max-age=300" },
          { key: "Referrer-Policy", value: "no-referrer" },
        ],
      },
    ];
  },
};

export default nextConfig;
