import type { Page } from "@playwright/test";
import type { TestIdentity } from "../../tests/helpers/oauth";

// The local Google/Kakao/Naver stand-in's sign-in page (scripts/oauth-providers.ts).
export class ProviderPage {
  constructor(readonly page: Page) {}

  async signInAs(identity: TestIdentity) {
    await this.page.getByLabel("Account id").fill(identity.id);
    await this.page.getByLabel("Name").fill(identity.name);
    await this.page.getByLabel("E-mail (leave empty for none)").fill(identity.email ?? "");
    if (identity.emailVerified) await this.page.getByLabel("The provider has verified this e-mail").check();
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async cancel() {
    await this.page.getByRole("button", { name: "Cancel" }).click();
  }
}
