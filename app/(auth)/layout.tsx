import type { ReactNode } from "react";
import { SiteHeader } from "@/components/layout/site-header";

// Sign-in and sign-up: the middleware sends signed-in users on to the dashboard.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main className="mx-auto w-full max-w-5xl px-4 pt-6 pb-16">{children}</main>
    </>
  );
}
