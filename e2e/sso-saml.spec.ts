import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { SAML_SAMPLE_DOMAIN, type SamlTestIdentity } from "../scripts/saml-idp";
import { grantAdmin, signedInAdmin } from "../tests/helpers/admin";
import { testEnv } from "../tests/helpers/env";
import { Client } from "../tests/helpers/http";
import { answerAtIdp } from "../tests/helpers/saml";
import { createSamlConnection, randomDomain, startCompanySignIn as startCompanySignInApi } from "../tests/helpers/sso";
import { addVirtualAuthenticator, expect, hydrated, test } from "./fixtures";
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

test("an administrator creates a SAML connection from the IdP's metadata URL in /admin/sso and sees TropiCal's SP entity id, ACS URL and certificate to copy", async ({
  page,
  context,
  user,
  signedIn: _,
}) => {
  expect(grantAdmin(user.email, "e2e").status).toBe(0);
  await addVirtualAuthenticator(context, page);
  await page.goto("/dashboard/settings");
  await page.getByRole("region", { name: "패스키" }).getByRole("button", { name: "패스키 추가" }).click();
  await expect(page.getByText("패스키를 추가했습니다.")).toBeVisible();
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByRole("button", { name: "패스키로 로그인" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/admin/sso");
  const name = `SAML Acme ${randomUUID().slice(0, 6)}`;
  const form = page.getByRole("form", { name: "새 연결 (SAML 2.0)" });
  await hydrated(form.getByRole("button", { name: "연결 만들기" }));
  await form.getByLabel("이름").fill(name);
  await form.getByLabel("IdP 메타데이터 URL").fill(`${testEnv().TEST_SAML_IDP_URL}/metadata`);
  await form.getByLabel("사유 (감사 로그에 남습니다)").fill("onboarding Acme over SAML");
  await form.getByRole("button", { name: "연결 만들기" }).click();
  await expect(form.getByRole("status")).toHaveText("완료했고 감사 로그에 남겼습니다.");

  const card = page.getByRole("form", { name });
  const details = card.getByTestId("saml-sp");
  await expect(details.getByText(/^http:\/\/localhost:\d+\/api\/auth\/sso\/saml\/[0-9a-f-]{36}\/metadata$/)).toBeVisible();
  await expect(details.getByText(/^http:\/\/localhost:\d+\/api\/auth\/sso\/saml\/[0-9a-f-]{36}\/acs$/)).toBeVisible();
  await expect(details.getByText("-----BEGIN CERTIFICATE-----", { exact: false })).toBeVisible();
  await expect(details.getByText(`${testEnv().TEST_SAML_IDP_URL}/metadata`)).toBeVisible();
  // The metadata URL it shows is the route an IdP reads.
  const metadataUrl =
    (await details
      .getByText(/\/metadata$/)
      .first()
      .textContent()) ?? "";
  const metadata = await page.request.get(metadataUrl);
  expect(metadata.headers()["content-type"]).toMatch(/^application\/samlmetadata\+xml/);
  expect(await metadata.text()).toContain(`entityID="${metadataUrl}"`);
});

test("login CSRF: an answer the attacker got for their own SAML sign-in, posted from the victim's browser, signs the victim into nothing", async ({ page }) => {
  const attacker = employee();
  const answer = await answerAtIdp((await startCompanySignInApi(new Client(), attacker.email)).href, attacker);
  // The attacker's page: the IdP page's own form, submitted from a document of another site.
  await page.setContent(`<form method="post" action="${answer.acsUrl}"><input type="hidden" name="SAMLResponse" value="${answer.samlResponse}"><button>Win a prize</button></form>`);
  await page.getByRole("button", { name: "Win a prize" }).click();
  await expect(page).toHaveURL(/\/login\?sso_error=SSO_EXPIRED$/);
  await expect(page.getByText("로그인 시간이 지났거나, 이미 사용됐거나, 다른 브라우저에서 시작한 요청입니다.", { exact: false })).toBeVisible();
  expect((await page.context().cookies()).filter((cookie) => ["ACCESS_TOKEN", "REFRESH_TOKEN", "ONBOARDING_TOKEN"].includes(cookie.name))).toEqual([]);
});
