import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { ServiceWorker } from "@/components/layout/service-worker";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import { getLocale, getTheme } from "@/lib/i18n/server";
import "./globals.css";

// Self-hosted from npm packages: builds need no network. Latin comes from Geist's variable font (one
// file for every weight). Hangul comes from Pretendard's subset files (the 2,350 common syllables,
// large even so: bench/ lists the sizes), on Korean pages only (globals.css) and only for Hangul (the
// unicode-range); two weights serve the five the pages ask for (CSS picks 400 for 500 and 700 for 600 and 800), and a
// rarer syllable falls back to the system font. On Lighthouse's slow-4G preset, five Pretendard
// weights on every page held back the first paint of /login.
const geist = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  weight: "100 900",
  variable: "--font-geist",
  display: "swap",
});

const pretendard = localFont({
  src: [
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Regular.subset.woff2", weight: "400" },
    { path: "../node_modules/pretendard/dist/web/static/woff2-subset/Pretendard-Bold.subset.woff2", weight: "700" },
  ],
  variable: "--font-pretendard",
  display: "swap",
  preload: false,
  declarations: [{ prop: "unicode-range", value: "U+1100-11FF, U+3000-303F, U+3130-318F, U+A960-A97F, U+AC00-D7AF, U+D7B0-D7FF, U+FF01-FF60" }],
});

export const metadata: Metadata = {
  title: { default: "TropiCal", template: "%s · TropiCal" },
  description: "캘린더, 할 일, 버킷리스트를 한곳에서 — your calendar, todos and bucket list in one place.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#0f766e" },
    { media: "(prefers-color-scheme: dark)", color: "#042f2e" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await getTheme();
  return (
    <html lang={await getLocale()} data-theme={theme === "system" ? undefined : theme} className={`${geist.variable} ${pretendard.variable}`}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <TimeZoneCookie />
        <ServiceWorker />
      </body>
    </html>
  );
}
