import type { Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { grantAdmin, signedInAdmin } from "../tests/helpers/admin";
import type { TestIdentity } from "../tests/helpers/oauth";
import { createCompanyConnection, randomDomain } from "../tests/helpers/sso";
import { addVirtualAuthenticator, expect, hydrated, makeSessionStale, test } from "./fixtures";
import { ProviderPage } from "./pages/provider-page";

// The stack seeds a proven connection for example.test to the local company provider (scripts/sso-seed.ts).
function exampleIdentity(overrides: Partial<TestIdentity> = {}): TestIdentity {
  const tag = randomUUID().slice(0, 10);
  return { id: `e2e-${tag}`, name: `직원${tag.slice(0, 4)}`, email: `staff-${tag}@example.test`, emailVerified: true, ...overrides };
}

async function companySignIn(page: Page, email: string, identity: TestIdentity) {
  const app = new URL(page.url()).origin;
  await hydrated(page.getByRole("button", { name: "회사 계정으로 로그인" }));
  await page.getByRole("button", { name: "회사 계정으로 로그인" }).click();
  const form = page.getByRole("form", { name: "회사 계정으로 로그인" });
  await form.getByLabel("회사 이메일").fill(email);
  await form.getByRole("button", { name: "계속" }).click();
  await expect(page).toHaveTitle(/Example Corp/);
  await new ProviderPage(page).signInAs(identity);
  await page.waitForURL((url) => url.origin === app, { waitUntil: "load" });
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "로그아웃", exact: true }).click();
  await expect(page).toHaveURL(/\/login(\?next=.*)?$/);
}

test("company sign-in: a new user goes through onboarding to the dashboard, and comes back straight to it", async ({ page }) => {
  const identity = exampleIdentity();
  await page.goto("/login");
  await companySignIn(page, identity.email ?? "", identity);
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByText(`인증된 이메일: ${identity.email}`)).toBeVisible();
  await expect(page.getByLabel("닉네임")).toHaveValue(identity.name);
  await page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
  await page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  await page.getByRole("button", { name: "가입 완료" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
  await logOut(page);
  await companySignIn(page, identity.email ?? "", identity);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("company sign-in into an existing password account links it only after its password", async ({ page, user, signedIn: _ }) => {
  await hydrated(page.getByRole("button", { name: "로그아웃", exact: true }));
  await logOut(page);
  const identity = exampleIdentity({ email: user.email });
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

test("an SSO-required domain's addresses are refused password sign-in and pointed to the company sign-in; cancelling there says so", async ({ page, loginPage }) => {
  const { client: admin } = await signedInAdmin();
  const domain = randomDomain();
  await createCompanyConnection(admin, domain, { ssoRequired: true });
  await loginPage.goto();
  await loginPage.logIn(`someone@${domain}`, "any password at all");
  await expect(page.getByText("이 주소는 회사 계정으로만 로그인할 수 있습니다. '회사 계정으로 로그인'을 눌러 주세요.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await hydrated(page.getByRole("button", { name: "회사 계정으로 로그인" }));
  await page.getByRole("button", { name: "회사 계정으로 로그인" }).click();
  const form = page.getByRole("form", { name: "회사 계정으로 로그인" });
  await form.getByLabel("회사 이메일").fill(`nobody@${randomDomain()}`);
  await form.getByRole("button", { name: "계속" }).click();
  await expect(form.getByText("이 주소로는 회사 계정 로그인을 할 수 없습니다.")).toBeVisible();
  await form.getByLabel("회사 이메일").fill(`someone@${domain}`);
  await form.getByRole("button", { name: "계속" }).click();
  await expect(page).toHaveTitle(/Example Corp/);
  await new ProviderPage(page).cancel();
  await expect(page).toHaveURL(/\/login\?sso_error=SSO_CANCELLED$/);
  await expect(page.getByText("회사 계정 로그인을 취소했습니다.")).toBeVisible();
});

test("an administrator creates a connection in /admin/sso, adds and proves a domain, and sees TropiCal's redirect URI", async ({ page, context, user, signedIn: _ }) => {
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
  await expect(page.getByRole("heading", { name: "회사 로그인 (SSO)", level: 1 })).toBeVisible();
  await expect(page.getByTestId("sso-redirect-uri")).toHaveText(/\/api\/auth\/sso\/oidc\/callback$/);
  const name = `Acme ${randomUUID().slice(0, 6)}`;
  const form = page.getByRole("form", { name: "새 연결 (OpenID Connect)" });
  await hydrated(form.getByRole("button", { name: "연결 만들기" }));
  await form.getByLabel("이름").fill(name);
  await form.getByLabel("발급자(issuer) URL").fill("https://login.acme.test");
  await form.getByLabel("클라이언트 ID").fill("tropical");
  await form.getByLabel("클라이언트 시크릿").fill("a-secret-never-shown");
  await form.getByLabel("사유 (감사 로그에 남습니다)").fill("onboarding Acme");
  await form.getByRole("button", { name: "연결 만들기" }).click();
  await expect(form.getByRole("status")).toHaveText("완료했고 감사 로그에 남겼습니다.");

  const card = page.getByRole("form", { name });
  await expect(card.getByText("시크릿 저장됨 (다시 표시하지 않음)")).toBeVisible();
  await expect(page.getByText("a-secret-never-shown")).toHaveCount(0);
  const domain = randomDomain();
  await card.getByLabel("도메인", { exact: true }).fill(domain);
  await card.getByLabel("사유 (감사 로그에 남습니다)").fill("their domain");
  await card.getByRole("button", { name: "도메인 추가" }).click();
  await expect(card.getByText(`_tropical.${domain}`)).toBeVisible();
  await expect(card.getByText("증명 전")).toBeVisible();
  await card.getByRole("button", { name: "관리자 확인으로 증명" }).click();
  await expect(card.getByText("증명됨", { exact: true })).toBeVisible();
  await page.goto("/admin/audit");
  await expect(page.getByText("SSO_DOMAIN_VERIFIED").first()).toBeVisible();
});

test("an account that signs in only with its company confirms itself there before a passkey is added", async ({ page, context }) => {
  const identity = exampleIdentity();
  await page.goto("/login");
  await companySignIn(page, identity.email ?? "", identity);
  await page.getByLabel("서비스 이용약관에 동의합니다 (필수)").check();
  await page.getByLabel("개인정보 처리방침에 동의합니다 (필수)").check();
  await page.getByRole("button", { name: "가입 완료" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await addVirtualAuthenticator(context, page);
  await makeSessionStale(context);

  await page.goto("/dashboard/settings");
  const panel = page.getByRole("region", { name: "패스키" });
  await panel.getByRole("button", { name: "패스키 추가" }).click();
  const dialog = page.getByRole("dialog", { name: "본인 확인" });
  await expect(dialog.getByLabel("비밀번호")).toHaveCount(0);
  await dialog.getByRole("button", { name: "회사 계정으로 확인" }).click();
  await expect(page).toHaveTitle(/Example Corp/);
  await new ProviderPage(page).signInAs(identity);
  await expect(page).toHaveURL(/\/dashboard\/settings\?reauth=done$/);
  await expect(page.getByText("본인 확인이 끝났습니다. 하려던 작업을 다시 눌러 주세요.")).toBeVisible();
  await page.getByRole("region", { name: "패스키" }).getByRole("button", { name: "패스키 추가" }).click();
  await expect(page.getByRole("region", { name: "패스키" }).getByRole("list", { name: "패스키" }).getByRole("listitem")).toHaveCount(1);
});
