import { createServer, request, type Server } from "node:http";
import type { ChildProcess } from "node:child_process";
import { decodeProtectedHeader } from "jose";
import { rotateKeyRing } from "@/lib/auth/key-ring";
import { RETIRED_KEY_GRACE_SECONDS } from "@/lib/auth/tokens";
import { findFreePort } from "../scripts/services";
import { stopProcess } from "../scripts/test-stack";
import { spawnApp } from "../tests/helpers/app-process";
import { testEnv } from "../tests/helpers/env";
import { verificationLink, waitForMail } from "../tests/helpers/mail";
import { expect, hydrated, test } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

// A signing-key rotation as an operator deploys it: one origin (a balancer) in front, and behind it
// the instance of each step in turn — the current ring, the next key published, the next key
// promoted, the retired key removed — while one browser stays signed in the whole way.

const step = async (ring: string, at: number) => JSON.stringify((await rotateKeyRing(JSON.parse(ring), { now: at, alg: "ES256", graceSeconds: RETIRED_KEY_GRACE_SECONDS })).ring);

// The balancer: forwards every request, Host and cookies as they came, to the one live instance.
function balancer(port: number, upstream: () => number): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const forwarded = request({ host: "127.0.0.1", port: upstream(), path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

test("a full key rotation, deployed one step at a time behind one origin, signs the browser out at no step", async ({ browser, user }) => {
  test.setTimeout(240_000);
  const now = Math.floor(Date.now() / 1000);
  const original = testEnv().TEST_AUTH_SIGNING_KEYS;
  // Dated as an operator would run them: the next key published twenty minutes before it signs.
  const prepared = await step(original, now - 20 * 60);
  const promoted = await step(prepared, now);
  const final = await step(promoted, now + RETIRED_KEY_GRACE_SECONDS + 1);
  const port = await findFreePort();
  const origin = `http://localhost:${port}`;
  const shared = { APP_URL: origin, SMTP_URL: testEnv().TEST_SMTP_URL };
  const instances: ChildProcess[] = [];
  let live = 0;
  const front = await balancer(port, () => live);
  try {
    const [onOriginal, onPrepared, onPromoted, onFinal] = await Promise.all(
      [original, prepared, promoted, final].map(async (ring) => {
        const { url, child } = await spawnApp("next start", { ...shared, AUTH_SIGNING_KEYS: ring });
        instances.push(child);
        return Number(new URL(url).port);
      }),
    );
    const context = await browser.newContext({ baseURL: origin, locale: "ko-KR", timezoneId: "Asia/Seoul" });
    const page = await context.newPage();
    const accessKid = async () => decodeProtectedHeader((await context.cookies()).find((cookie) => cookie.name === "ACCESS_TOKEN")?.value ?? "").kid;
    const stillSignedIn = async (path = "/dashboard") => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
    };

    live = onOriginal!;
    const signup = new SignupPage(page);
    await signup.goto();
    await signup.fill(user);
    await signup.acceptRequired();
    await signup.submit().click();
    await expect(page).toHaveURL(/\/verify-required/);
    await page.goto(verificationLink((await waitForMail(user.email)).at(-1)!));
    await page.getByRole("button", { name: "이메일 인증하기" }).click();
    await expect(page).toHaveURL(/\/verified$/);
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(user.email, user.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    await stillSignedIn();
    const oldKid = await accessKid();

    // Each instance takes the token it is handed as it is (the kid stays): none of them needed a refresh.
    live = onPrepared!;
    await stillSignedIn();
    expect(await accessKid()).toBe(oldKid);
    live = onPromoted!;
    await stillSignedIn();
    expect(await accessKid(), "a token of the retired key is still good within its grace").toBe(oldKid);
    // The access token lapses, as it does every few minutes: the promoted instance signs its successor.
    await context.clearCookies({ name: "ACCESS_TOKEN" });
    await stillSignedIn();
    const newKid = await accessKid();
    expect(newKid).not.toBe(oldKid);
    live = onPrepared!;
    await stillSignedIn();
    expect(await accessKid(), "an instance not yet promoted knows the new key: it was published first").toBe(newKid);
    live = onFinal!;
    await stillSignedIn();
    expect(await accessKid()).toBe(newKid);
    // The planner's API (route handlers, not only pages) takes the new key's token too.
    await stillSignedIn("/dashboard/todo");
    await page.getByPlaceholder("할 일을 입력하고 Enter").fill("키 교체 후에도 저장");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("listitem").filter({ hasText: "키 교체 후에도 저장" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: "키 교체 후에도 저장" })).toBeVisible();
    expect(await accessKid()).toBe(newKid);
    await context.close();
  } finally {
    for (const child of instances) await stopProcess(child);
    await new Promise((resolve) => front.close(resolve));
  }
});
