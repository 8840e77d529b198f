import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Relative luminance (WCAG) of a colour an element is drawn in, read back through a canvas so any
// CSS colour syntax (oklch, light-dark) is resolved as the browser paints it.
async function luminance(locator: Locator, property: "color" | "backgroundColor"): Promise<number> {
  return locator.evaluate((element, name) => {
    const probe = document.createElement("canvas").getContext("2d");
    if (!probe) throw new Error("no canvas");
    probe.fillStyle = getComputedStyle(element)[name];
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
    const linear = (channel: number) => (channel / 255 <= 0.04045 ? channel / 255 / 12.92 : ((channel / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  }, property);
}

const pageIsDark = async (page: Page) => (await luminance(page.locator("body"), "backgroundColor")) < 0.2;

test.describe("a system set to dark", () => {
  test.use({ colorScheme: "dark" });

  test("draws signed-out pages dark, text light on them", async ({ page }) => {
    await page.goto("/login");
    expect(await pageIsDark(page)).toBe(true);
    expect(await luminance(page.getByRole("heading", { level: 1 }), "color")).toBeGreaterThan(0.6);
  });

  test("follows a choice of light in settings at once and after a reload, and the system again when asked", async ({ page, signedIn }) => {
    void signedIn;
    await page.goto("/dashboard/settings");
    expect(await pageIsDark(page)).toBe(true);
    const themes = page.getByRole("group", { name: "화면 테마" });
    await themes.getByRole("button", { name: "밝게" }).click();
    await expect(themes.getByRole("button", { name: "밝게" })).toHaveAttribute("aria-pressed", "true");
    expect(await pageIsDark(page)).toBe(false);
    await page.goto("/dashboard");
    expect(await pageIsDark(page)).toBe(false);
    await page.goto("/dashboard/settings");
    await page.getByRole("group", { name: "화면 테마" }).getByRole("button", { name: "시스템 설정" }).click();
    expect(await pageIsDark(page)).toBe(true);
    await page.reload();
    expect(await pageIsDark(page)).toBe(true);
  });
});

test.describe("a system set to light", () => {
  test.use({ colorScheme: "light" });

  test("draws pages light until dark is chosen, then dark on every page", async ({ page, signedIn }) => {
    void signedIn;
    await page.goto("/dashboard");
    expect(await pageIsDark(page)).toBe(false);
    await page.goto("/dashboard/settings");
    await page.getByRole("group", { name: "화면 테마" }).getByRole("button", { name: "어둡게" }).click();
    expect(await pageIsDark(page)).toBe(true);
    for (const path of ["/dashboard", "/dashboard/todo", "/dashboard/bucket"]) {
      await page.goto(path);
      expect(await pageIsDark(page), path).toBe(true);
    }
  });
});
