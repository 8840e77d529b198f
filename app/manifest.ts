import type { MetadataRoute } from "next";

// The installable app (/manifest.webmanifest): it opens on the calendar, in a window of its own.
// The icons are drawn by scripts/icons.ts; public/sw.js is its offline fallback.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/dashboard",
    name: "TropiCal",
    short_name: "TropiCal",
    description: "캘린더, 할 일, 버킷리스트를 한곳에서 — your calendar, todos and bucket list in one place.",
    lang: "ko",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    theme_color: "#0f766e",
    background_color: "#f8fafc",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
