import type { Page } from "@playwright/test";
import type { SamlTestIdentity } from "../../scripts/saml-idp";

// The local SAML IdP's picker (scripts/saml-idp.ts): any identity, or Cancel. Either way its page
// then posts the signed answer to TropiCal's ACS URL by itself.
export class SamlIdpPage {
  constructor(readonly page: Page) {}

  async signInAs(identity: SamlTestIdentity) {
    await this.page.getByLabel("Account id").fill(identity.nameId);
    await this.page.getByLabel("Name").fill(identity.name);
    await this.page.getByLabel("E-mail").fill(identity.email);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async cancel() {
    await this.page.getByRole("button", { name: "Cancel" }).click();
  }
}
