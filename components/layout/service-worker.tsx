"use client";
import { useEffect } from "react";
import { registerServiceWorker } from "@/lib/client/service-worker";

// Installs the service worker from whichever page is opened first, so that the offline page is
// there for the next load that finds no network.
export function ServiceWorker() {
  useEffect(() => {
    void registerServiceWorker();
  }, []);
  return null;
}
