import type { Page } from "@playwright/test";
import { mailsTo } from "../../tests/helpers/mail";
import { mailedSignInCode } from "../../tests/helpers/users";

export class LoginPage {
  constructor(readonly page: Page) {}

  readonly email = () => this.page.getByLabel("이메일");
  readonly password = () => this.page.getByLabel("비밀번호");
  readonly submit = () => this.page.getByRole("button", { name: "로그인", exact: true });

  async goto(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }

  async logIn(email: string, password: string) {
    // After a log-out click the page may still be leaving: fill in the login page, not the last one.
    await this.page.waitForURL(/\/login(\?|$)/);
    await this.email().fill(email);
    await this.password().fill(password);
    await this.submit().click();
  }

  // From a browser the account does not know: the password, then the code mailed to the account.
  async logInFromNewDevice(email: string, password: string) {
    const before = new Set((await mailsTo(email)).map((mail) => mail.id));
    await this.logIn(email, password);
    await this.page.getByRole("heading", { name: "처음 보는 기기예요" }).waitFor();
    await this.page.getByLabel("이메일로 받은 코드").fill(await mailedSignInCode(email, before));
    await this.page.getByRole("button", { name: "확인" }).click();
  }
}
