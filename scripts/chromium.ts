import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

// Playwright's own Chromium where it is installed; otherwise Debian's, with the flags that keep it
// from reaching for the network this machine does not have. For the tests, the screenshots and the
// benchmarks' Lighthouse alike.
export function chromiumPath(): string {
  if (existsSync(chromium.executablePath())) return chromium.executablePath();
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

export function browserLaunchOptions() {
  if (existsSync(chromium.executablePath())) return {};
  return {
    executablePath: chromiumPath(),
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  };
}
