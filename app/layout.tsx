import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { ServiceWorker } from "@/components/layout/service-worker";
import { TimeZoneCookie } from "@/components/layout/time-zone-cookie";
import { getLocale, getTheme } from "@/lib/i18n/server";
import "@/lib/generated/pretendard.css";
import "./globals.css";

// Self-hosted from npm packages: builds need no network. Latin comes from Geist's variable font (one
// file for every weight). Hangul comes from Pretendard's dynamic subsets (lib/generated/pretendard.css,
// written by scripts/pretendard-css.ts), in every language: a Korean title or nickname on an English
// page is drawn by it too, and the browser fetches only the subset files holding the syllables a page
// shows, so a page without Hangul fetches none. Variable files: one per subset serves every weight.
const geist = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  weight: "100 900",
  variable: "--font-geist",
  display: "swap",
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
    <html lang={await getLocale()} data-theme={theme === "system" ? undefined : theme} className={geist.variable}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
        <TimeZoneCookie />
        <ServiceWorker />
      </body>
    </html>
  );
}
