import type { Page } from "@playwright/test";

export class LoginPage {
  constructor(readonly page: Page) {}

  readonly email = () => this.page.getByLabel("이메일");
  readonly password = () => this.page.getByLabel("비밀번호");
  readonly submit = () => this.page.getByRole("button", { name: "로그인", exact: true });

  async goto(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }

  async logIn(email: string, password: string) {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.submit().click();
  }
}
