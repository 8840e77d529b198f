import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { getLocale } from "@/lib/i18n/server";
import "./globals.css";

// Self-hosted from the npm package: builds need no network, and Hangul renders the same everywhere.
// The package's subset files (Latin and the 2,350 common Hangul syllables, about 270 KB a weight)
// instead of the 2 MB variable font, only in the weights the pages use, and not preloaded: a page
// downloads the weights it shows, and a rarer syllable falls back to the system font.
const pretendard = localFont({
  src: [
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Regular.subset.woff2", weight: "400" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Medium.subset.woff2", weight: "500" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-SemiBold.subset.woff2", weight: "600" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Bold.subset.woff2", weight: "700" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-ExtraBold.subset.woff2", weight: "800" },
  ],
  variable: "--font-pretendard",
  display: "swap",
  preload: false,
});

export const metadata: Metadata = {
  title: { default: "TropiCal", template: "%s · TropiCal" },
  description: "캘린더, 할 일, 버킷리스트를 한곳에서 — your calendar, todos and bucket list in one place.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f766e" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang={await getLocale()} className={pretendard.variable}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
