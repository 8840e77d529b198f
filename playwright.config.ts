import { defineConfig, devices } from "@playwright/test";
import { browserLaunchOptions } from "./scripts/chromium";

// `npm test` starts the stack and passes its URL; a bare `npx playwright test` starts one itself.
const externalBaseUrl = process.env.TEST_BASE_URL;
const ownPort = 3210;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? ".test-data/playwright.json" }]],
  use: {
    baseURL: externalBaseUrl ?? `http://localhost:${ownPort}`,
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: browserLaunchOptions(),
    // A page the service worker (public/sw.js) controls fetches through it, out of page.route()'s
    // sight: suites that hold back or fail requests would lose their grip. The app-shell and push
    // suites allow it.
    serviceWorkers: "block",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: browserLaunchOptions() } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions: browserLaunchOptions() } },
  ],
  webServer: externalBaseUrl ? undefined : { command: `npx tsx scripts/test-stack.ts ${ownPort}`, url: `http://localhost:${ownPort}/api/health`, timeout: 120_000, reuseExistingServer: false },
  outputDir: ".test-data/playwright",
});
