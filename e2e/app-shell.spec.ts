import { expect, test } from "./fixtures";

// The installable app shell: the manifest and its icons, the favicon, the service worker with its
// offline page, and the settings' switch for browser notifications.

test.use({ serviceWorkers: "allow" });

test("the manifest, its icons, the favicon and the service worker are served with their types", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const body = (await manifest.json()) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string }[] };
  expect(body).toMatchObject({ name: "TropiCal", start_url: "/dashboard", display: "standalone", theme_color: "#0f766e" });
  expect(body.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of body.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
  }

  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/apple-icon.png", "image/png"],
    ["/icon.svg", "image/svg+xml"],
    ["/offline.html", "text/html"],
  ]) {
    const response = await request.get(path ?? "");
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
  const worker = await request.get("/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("text/javascript");
  expect(worker.headers()["cache-control"]).toBe("no-cache");
});

test("pages name the manifest and icons", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /\/apple-icon\.png/);
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
});

test("an unknown address answers 404 with the page frame and a link home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /^(처음으로|Home)$/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('main a[href="/login"]')).toBeVisible();
});

test("once the service worker is installed, a page opened without a network shows the offline page", async ({ page, context }) => {
  await page.goto("/login");
  // Controlling this page: the worker claims it as soon as it is active.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("오프라인 상태입니다 / You are offline");
  await expect(page.getByRole("link", { name: "다시 시도 / Try again" })).toHaveAttribute("href", "/dashboard");
  await context.setOffline(false);
  await page.getByRole("link", { name: "다시 시도 / Try again" }).click();
  await expect(page).toHaveURL(/\/login/);
});
