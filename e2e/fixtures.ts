import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { randomAddress } from "../tests/helpers/http";
import { verificationLink, waitForMail } from "../tests/helpers/mail";
import { makeProofStale } from "../tests/helpers/step-up";
import { LoginPage } from "./pages/login-page";
import { SignupPage } from "./pages/signup-page";

export interface TestUser {
  email: string;
  password: string;
  nickname: string;
}

interface Fixtures {
  user: TestUser;
  loginPage: LoginPage;
  signupPage: SignupPage;
  verifyLinkFor: (email: string) => Promise<string>;
  // Signs `user` up through the UI and opens the link from the mail they received.
  signUpAndVerify: () => Promise<void>;
  // A verified `user`, logged in and looking at the calendar.
  signedIn: void;
}

export const test = base.extend<Fixtures>({
  // Each test's browser comes from an address of its own, as the stack's one trusted proxy reports
  // it (scripts/test-stack.ts), so per-address limits never carry from one test into the next.
  extraHTTPHeaders: async ({}, use) => use({ "x-forwarded-for": randomAddress() }),
  // A fresh random user per test: tests never share accounts, so they never depend on each other.
  user: async ({}, use) => {
    const id = randomUUID().slice(0, 10);
    await use({ email: `e2e-${id}@example.test`, password: `pw-${id}-long enough`, nickname: `여행자${id.slice(0, 4)}` });
  },
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  signupPage: async ({ page }, use) => use(new SignupPage(page)),
  verifyLinkFor: async ({}, use) =>
    use(async (email) => {
      const mails = await waitForMail(email);
      const mail = mails.at(-1);
      if (!mail) throw new Error(`no mail to ${email}`);
      return verificationLink(mail);
    }),
  signUpAndVerify: async ({ page, user, signupPage, verifyLinkFor }, use) =>
    use(async () => {
      await signupPage.goto();
      await signupPage.fill(user);
      await signupPage.acceptRequired();
      await signupPage.submit().click();
      await expect(page).toHaveURL(/\/verify-required/);
      await page.goto(await verifyLinkFor(user.email));
      await page.getByRole("button", { name: "이메일 인증하기" }).click();
      await expect(page).toHaveURL(/\/verified$/);
    }),
  signedIn: async ({ page, user, loginPage, signUpAndVerify }, use) => {
    await signUpAndVerify();
    await loginPage.goto();
    await loginPage.logIn(user.email, user.password);
    await expect(page).toHaveURL(/\/dashboard$/);
    // The URL changes before the page's scripts run; a click on a button before then is lost.
    await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
    await use();
  },
});

// Until React has taken over `element`: it keeps its own properties on every element it hydrated.
// Reached through redirects rather than page.goto, a page can be seen before its scripts have run.
export async function hydrated(element: Locator): Promise<void> {
  await expect.poll(() => element.evaluate((node) => Object.keys(node).some((key) => key.startsWith("__reactProps")))).toBe(true);
}

// As if the user signed in more than ten minutes ago: the next change to how they sign in asks them
// to prove it is them (step-up).
// A platform authenticator with a resident, user-verified key, answering every WebAuthn prompt by
// itself: the passkey a test adds or signs in with.
export async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
}

export async function makeSessionStale(context: BrowserContext): Promise<void> {
  const access = (await context.cookies()).find((cookie) => cookie.name === "ACCESS_TOKEN");
  if (!access) throw new Error("not signed in");
  await makeProofStale(access.value);
}

// Holds back the page's scripts until the returned function is called: what a slow phone sees.
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

// Today's date where the browser is (playwright.config.ts sets Asia/Seoul).
export function todayInBrowserZone(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export { expect };
