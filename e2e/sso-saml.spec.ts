import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { SAML_SAMPLE_DOMAIN, type SamlTestIdentity } from "../scripts/saml-idp";
import { signedInAdmin } from "../tests/helpers/admin";
import { createSamlConnection, randomDomain } from "../tests/helpers/sso";
import { expect, hydrated, test } from "./fixtures";
import { SamlIdpPage } from "./pages/saml-idp-page";

// Company sign-in over SAML 2.0: the stack seeds a proven connection for saml.example.test to the
// local SAML IdP (scripts/sso-seed.ts), whose page posts its signed answer across sites to the ACS.
function employee(overrides: Partial<SamlTestIdentity> = {}): SamlTestIdentity {
  const tag = randomUUID().slice(0, 10);
  return { nameId: `e2e-${tag}`, name: `사원${tag.slice(0, 4)}`, email: `staff-${tag}@${SAML_SAMPLE_DOMAIN}`, ...overrides };
}

async function startCompanySignIn(page: Page, email: string) {
  await hydrated(page.getByRole("button", { name: "회사 계정으로 로그인" }));
  await page.getByRole("button", { name: "회사 계정으로 로그인" }).click();
  const form = page.getByRole("form", { name: "회사 계정으로 로그인" });
  await form.getByLabel("회사 이메일").fill(email);
  await form.getByRole("button", { name: "계속" }).click();
  await expect(page).toHaveTitle(/local SAML IdP/);
}

async function companySignIn(page: Page, email: string, identity: SamlTestIdentity) {
  const app = new URL(page.url()).origin;
  await startCompanySignIn(page, email);
  await new SamlIdpPage(page).signInAs(identity);
  await page.waitForURL((url) => url.origin === app, { waitUntil: "load" });
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login(\?next=.*)?$/);
}

test("SAML company sign-in: a new user goes through onboarding to the dashboard, and comes back straight to it", async ({ page }) => {
  const identity = employee();
  await page.goto("/login");
  await companySignIn(page, identity.email, identity);
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByText(`인증된 이메일: ${identity.email}`)).toBeVisible();
  await expect(page.getByLabel("닉네임")).toHaveValue(identity.name);
  await page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
  await page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  await page.getByRole("button", { name: "가입 완료" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
  await logOut(page);
  await companySignIn(page, identity.email, identity);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("button", { name: "로그아웃", exact: true })).toBeVisible();
});

test("an SSO-required SAML domain refuses password sign-in and points to the company sign-in; cancelling at the IdP says so", async ({ page, loginPage }) => {
  const { client: admin } = await signedInAdmin();
  const domain = randomDomain();
  await createSamlConnection(admin, domain, { ssoRequired: true });
  await loginPage.goto();
  await loginPage.logIn(`someone@${domain}`, "any password at all");
  await expect(page.getByText("이 주소는 회사 계정으로만 로그인할 수 있습니다. '회사 계정으로 로그인'을 눌러 주세요.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await startCompanySignIn(page, `someone@${domain}`);
  await new SamlIdpPage(page).cancel();
  await expect(page).toHaveURL(/\/login\?sso_error=SAML_CANCELLED$/);
  await expect(page.getByText("회사 로그인을 취소했습니다.")).toBeVisible();
});

test.describe("an existing password account at the SAML domain", () => {
  test.use({
    user: async ({}, use) => {
      const id = randomUUID().slice(0, 10);
      await use({ email: `e2e-${id}@${SAML_SAMPLE_DOMAIN}`, password: `pw-${id}-long enough`, nickname: `여행자${id.slice(0, 4)}` });
    },
  });

  test("is linked to the SAML sign-in only after its password, and opens with it afterwards", async ({ page, user, signedIn: _ }) => {
    await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
    await logOut(page);
    const identity = employee({ email: user.email });
    await companySignIn(page, user.email, identity);
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole("heading", { name: "이미 가입된 이메일입니다" })).toBeVisible();
    await page.getByLabel("비밀번호").fill(user.password);
    await page.getByRole("button", { name: "비밀번호로 확인하고 연결" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
    await logOut(page);
    await companySignIn(page, user.email, identity);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
