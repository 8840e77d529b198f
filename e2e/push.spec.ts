import { closeTestDb, testDb } from "../tests/helpers/db";
import { expect, hydrated, test } from "./fixtures";

// The settings' switch for browser notifications, in Chromium. Subscribing needs the browser's own
// push service (Google's, for Chromium), which a machine without a network cannot reach: there the
// browser refuses and the switch says so and stays off. Where it can, the switch turns on and the
// server holds the subscription. The server's side of a subscription is tested with a stand-in push
// service in tests/integration/push.test.ts.

test.afterAll(closeTestDb);
test.use({ serviceWorkers: "allow" });

async function subscriptionCount(email: string): Promise<number> {
  const { rows } = await testDb().query(`SELECT 1 FROM "PushSubscription" p JOIN "User" u ON u.id = p."userId" WHERE u.email = $1`, [email]);
  return rows.length;
}

test("with notifications allowed, the switch asks the browser to subscribe and shows what came of it", async ({ page, context, user, signedIn: _ }) => {
  await context.grantPermissions(["notifications"]);
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "브라우저 알림" });
  const toggle = panel.getByRole("switch", { name: "브라우저 알림" });
  await expect(panel.getByRole("status")).toHaveText("이 브라우저에서는 알림이 꺼져 있습니다.");
  await hydrated(toggle);
  await expect(toggle).toBeEnabled();
  await toggle.click();
  const failed = panel.getByRole("alert").filter({ hasText: "알림을 켜지 못했습니다. 잠시 후 다시 시도해 주세요." });
  await expect(panel.getByText("이 브라우저에서 알림이 켜져 있습니다.").or(failed)).toBeVisible({ timeout: 30_000 });
  if (await failed.isVisible()) {
    test.info().annotations.push({ type: "push service", description: "unreachable: the browser refused to subscribe" });
    await expect(toggle).not.toBeChecked();
    expect(await subscriptionCount(user.email)).toBe(0);
    return;
  }
  await expect(toggle).toBeChecked();
  expect(await subscriptionCount(user.email)).toBe(1);
  await page.reload();
  await expect(panel.getByRole("status")).toHaveText("이 브라우저에서 알림이 켜져 있습니다.");
  await toggle.click();
  await expect(panel.getByRole("status")).toHaveText("이 브라우저에서는 알림이 꺼져 있습니다.");
  expect(await subscriptionCount(user.email)).toBe(0);
});

test("notifications the browser blocks leave the switch off with the reason", async ({ page, context, baseURL, signedIn: _ }) => {
  // Playwright can grant a permission but not deny one: Chromium's own protocol can, per context.
  const cdp = await context.newCDPSession(page);
  const { targetInfo } = await cdp.send("Target.getTargetInfo");
  await cdp.send("Browser.setPermission", { permission: { name: "notifications" }, setting: "denied", origin: new URL(baseURL ?? "").origin, browserContextId: targetInfo.browserContextId });
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "브라우저 알림" });
  await expect(panel.getByRole("status")).toHaveText("브라우저가 이 사이트의 알림을 차단했습니다. 브라우저의 사이트 설정에서 허용한 뒤 다시 켜 주세요.");
  await expect(panel.getByRole("switch", { name: "브라우저 알림" })).toBeDisabled();
});

test("a browser without Web Push is told so", async ({ page, signedIn: _ }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, "PushManager");
  });
  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "브라우저 알림" });
  await expect(panel.getByRole("status")).toHaveText("이 브라우저는 알림을 지원하지 않습니다.");
  await expect(panel.getByRole("switch", { name: "브라우저 알림" })).toBeDisabled();
});
